package org.stratgraph.harness;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.Map;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.harness.Neo4j;
import org.neo4j.harness.Neo4jBuilders;

/**
 * Starts an in-process Neo4j with Bolt on a free 127.0.0.1 port, prints one line
 * {@code BOLT bolt://127.0.0.1:PORT}, and stops when standard input closes, so the server
 * dies with the process that started it.
 *
 * <p>With {@code STRATGRAPH_HARNESS_PASSWORD} set (at least 8 characters), authentication is
 * on and user {@code neo4j} has that password; otherwise authentication is off.
 */
public final class Launcher {
    private Launcher() {}

    public static void main(String[] args) throws IOException {
        String password = System.getenv("STRATGRAPH_HARNESS_PASSWORD");
        boolean auth = password != null && !password.isEmpty();
        SocketAddress bolt = new SocketAddress("127.0.0.1", freePort());

        Neo4j neo4j = Neo4jBuilders.newInProcessBuilder()
                .withDisabledServer() // no HTTP: tests speak Bolt only
                .withConfig(BoltConnector.enabled, true)
                .withConfig(BoltConnector.listen_address, bolt)
                // neo4j:// URIs ask the server for a routing table; it must name this port.
                .withConfig(BoltConnector.advertised_address, bolt)
                .withConfig(BoltConnector.encryption_level, BoltConnector.EncryptionLevel.DISABLED)
                .withConfig(GraphDatabaseSettings.auth_enabled, auth)
                .withConfig(GraphDatabaseSettings.pagecache_memory, pageCacheBytes())
                .withConfig(GraphDatabaseSettings.memory_transaction_max_size, transactionMaxBytes())
                .build();
        Runtime.getRuntime().addShutdownHook(new Thread(neo4j::close));

        if (auth) {
            // The built-in user starts with password "neo4j" and must change it; set ours
            // through the system database, which the embedded API reaches without a login.
            neo4j.databaseManagementService()
                    .database("system")
                    .executeTransactionally(
                            "ALTER USER neo4j SET PASSWORD $password CHANGE NOT REQUIRED",
                            Map.of("password", password));
        }

        System.out.println("BOLT bolt://127.0.0.1:" + bolt.getPort());
        System.out.flush();

        // Block until the parent closes our stdin (or dies), then shut down cleanly.
        while (System.in.read() != -1) {
            // discard anything written to us
        }
        System.exit(0);
    }

    // 512 MiB suits the tests; benchmarks of large graphs ask for a cache that holds the store.
    private static long pageCacheBytes() {
        String mb = System.getenv("STRATGRAPH_HARNESS_PAGECACHE_MB");
        long size = (mb == null || mb.isBlank()) ? 512L : Long.parseLong(mb.trim());
        return size * 1024 * 1024;
    }

    // 0 (no limit) unless a test asks for a small one, to show a statement's memory grows
    // with what it touches rather than with the graph (tests/test_neo4j_replace_scale.py).
    private static long transactionMaxBytes() {
        String mb = System.getenv("STRATGRAPH_HARNESS_TX_MAX_MB");
        return (mb == null || mb.isBlank()) ? 0L : Long.parseLong(mb.trim()) * 1024 * 1024;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        }
    }
}
