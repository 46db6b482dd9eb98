package org.hdkg;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

import org.neo4j.cli.AdminTool;
import org.neo4j.cli.ExecutionContext;
import org.neo4j.server.CommunityBootstrapper;
import org.neo4j.server.NeoBootstrapper;

/**
 * The local Neo4j of hdkg, run by `hdkg neo4j start` in a JVM of its own.
 *
 * <p>Two modes:
 * <ul>
 *   <li>{@code server HOME BOLT_PORT HTTP_PORT}: Neo4j Community with Bolt and HTTP on
 *       127.0.0.1 only, auth off (a developer's machine, never a shared one), the store kept
 *       under HOME so data survive a restart, Neo4j Browser at /browser. System properties:
 *       {@code hdkg.auth} (default false), {@code hdkg.pagecache} (default 1g),
 *       {@code hdkg.plugins} (the plugin folder: APOC core). Stops cleanly on
 *       SIGTERM (the bootstrapper's shutdown hook closes the store).</li>
 *   <li>{@code admin HOME ARGS...}: the neo4j-admin tool on the same HOME, e.g.
 *       {@code admin HOME database import full neo4j --nodes=...}. The server must be stopped
 *       (the import writes the store offline).</li>
 * </ul>
 */
public final class Neo4jLauncher {

    private Neo4jLauncher() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length >= 4 && args[0].equals("server")) {
            System.exit(server(Path.of(args[1]).toAbsolutePath(), Integer.parseInt(args[2]),
                               Integer.parseInt(args[3])));
        } else if (args.length >= 2 && args[0].equals("admin")) {
            Path home = Path.of(args[1]).toAbsolutePath();
            Path conf = prepareHome(home);
            String[] rest = Arrays.copyOfRange(args, 2, args.length);
            System.exit(AdminTool.execute(new ExecutionContext(home, conf), rest));
        } else {
            System.err.println("usage: Neo4jLauncher server HOME BOLT_PORT HTTP_PORT\n"
                               + "       Neo4jLauncher admin HOME NEO4J_ADMIN_ARGS...");
            System.exit(2);
        }
    }

    /** Create HOME/conf/neo4j.conf (empty: every setting we need is an override below). */
    private static Path prepareHome(Path home) throws IOException {
        Path conf = home.resolve("conf");
        Files.createDirectories(conf);
        Path file = conf.resolve("neo4j.conf");
        if (!Files.exists(file)) {
            Files.writeString(file, "# settings are passed by org.hdkg.Neo4jLauncher\n");
        }
        return conf;
    }

    private static int server(Path home, int boltPort, int httpPort) throws Exception {
        Path conf = prepareHome(home);
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("server.default_listen_address", "127.0.0.1");
        settings.put("server.default_advertised_address", "127.0.0.1");
        settings.put("server.bolt.enabled", "true");
        settings.put("server.bolt.listen_address", "127.0.0.1:" + boltPort);
        settings.put("server.bolt.advertised_address", "127.0.0.1:" + boltPort);
        settings.put("server.http.enabled", "true");
        settings.put("server.http.listen_address", "127.0.0.1:" + httpPort);
        settings.put("server.http.advertised_address", "127.0.0.1:" + httpPort);
        settings.put("server.https.enabled", "false");
        // Auth is off unless asked for (-Dhdkg.auth=true, after `admin HOME dbms
        // set-initial-password`): the server listens on loopback only.
        settings.put("dbms.security.auth_enabled", System.getProperty("hdkg.auth", "false"));
        // Nothing outside the machine is reachable or wanted.
        settings.put("dbms.usage_report.enabled", "false");
        settings.put("client.allow_telemetry", "false");
        // Netty's graceful shutdown waits 2 x 5 s for Bolt connections that are already gone.
        settings.put("internal.dbms.bolt.netty_server_shutdown_quiet_period", "0");
        settings.put("server.memory.pagecache.size",
                     System.getProperty("hdkg.pagecache", "1g"));
        // APOC core, copied by Maven into target/plugins (hdkg.plugins): its procedures
        // and functions (apoc.version(), apoc.periodic.iterate, ...) run unrestricted, as
        // Neo4j's APOC install instructions set it (the allowlist stays at its default, *).
        String plugins = System.getProperty("hdkg.plugins");
        if (plugins != null) {
            settings.put("server.directories.plugins", plugins);
            settings.put("dbms.security.procedures.unrestricted", "apoc.*");
        }

        // The bootstrapper installs its own shutdown hook: SIGTERM checkpoints and closes the
        // store, then the JVM exits. This thread only has to stay alive until then.
        NeoBootstrapper neo = new CommunityBootstrapper();
        int code = neo.start(home, conf.resolve("neo4j.conf"), settings, false, false);
        if (code != NeoBootstrapper.OK) {
            System.err.println("hdkg: Neo4j did not start (code " + code + "); see "
                               + home.resolve("logs"));
            return code;
        }
        System.out.println("hdkg: Neo4j ready, bolt://127.0.0.1:" + boltPort
                           + " http://127.0.0.1:" + httpPort + "/browser/");
        Thread.currentThread().join();
        return 0;
    }
}
