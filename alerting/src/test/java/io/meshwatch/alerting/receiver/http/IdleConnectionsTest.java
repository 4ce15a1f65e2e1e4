package io.meshwatch.alerting.receiver.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class IdleConnectionsTest {
  private static final long SECOND = 1_000_000_000L;

  private final ScriptedHttpServer server = ScriptedHttpServer.answering(ScriptedHttpServer.OK);
  private final Origin origin = Origin.of(server.url("/"));
  private final List<Connection> opened = new ArrayList<>();

  IdleConnectionsTest() throws IOException {}

  @AfterEach
  void close() throws IOException {
    opened.forEach(Connection::close);
    server.close();
  }

  private Connection connect() throws IOException {
    Connection connection = Connection.open(origin, 1000, System.nanoTime() + 5 * SECOND, null);
    opened.add(connection);
    return connection;
  }

  @Test
  void take_givesTheMostRecentlyUsedConnectionFirst() throws IOException {
    IdleConnections idle = new IdleConnections(4, 4 * SECOND);
    Connection older = connect();
    Connection newer = connect();
    idle.offer(older, 0);
    idle.offer(newer, SECOND);

    assertThat(idle.take(origin, 2 * SECOND)).isSameAs(newer);
    assertThat(idle.take(origin, 2 * SECOND)).isSameAs(older);
    assertThat(idle.take(origin, 2 * SECOND)).isNull();
  }

  @Test
  void take_closesConnectionsIdleTooLongInsteadOfReusingThem() throws IOException {
    IdleConnections idle = new IdleConnections(4, 4 * SECOND);
    Connection connection = connect();
    idle.offer(connection, 0);

    assertThat(idle.take(origin, 4 * SECOND)).isNull();
    assertThat(connection.isClosed()).isTrue();
  }

  @Test
  void offer_closesTheLeastRecentlyUsedBeyondTheLimit() throws IOException {
    IdleConnections idle = new IdleConnections(2, 4 * SECOND);
    Connection first = connect();
    Connection second = connect();
    Connection third = connect();
    idle.offer(first, 0);
    idle.offer(second, 1);
    idle.offer(third, 2);

    assertThat(first.isClosed()).isTrue();
    assertThat(idle.take(origin, 3)).isSameAs(third);
    assertThat(idle.take(origin, 3)).isSameAs(second);
  }

  @Test
  void take_keepsOriginsApart() throws IOException {
    IdleConnections idle = new IdleConnections(4, 4 * SECOND);
    idle.offer(connect(), 0);

    assertThat(idle.take(Origin.of(URI.create("http://127.0.0.1:1/")), 1)).isNull();
    assertThat(idle.take(origin, 1)).isNotNull();
  }

  @Test
  void take_sweepsOtherOriginsIdleTooLong() throws IOException {
    IdleConnections idle = new IdleConnections(4, 4 * SECOND);
    Connection forgotten = connect();
    idle.offer(forgotten, 0);

    idle.take(Origin.of(URI.create("http://127.0.0.1:1/")), 5 * SECOND);

    assertThat(forgotten.isClosed()).isTrue();
  }

  @Test
  void offer_afterCloseAllClosesTheConnection() throws IOException {
    IdleConnections idle = new IdleConnections(4, 4 * SECOND);
    Connection pooled = connect();
    idle.offer(pooled, 0);
    idle.closeAll();
    Connection late = connect();

    idle.offer(late, 1);

    assertThat(pooled.isClosed()).isTrue();
    assertThat(late.isClosed()).isTrue();
    assertThat(idle.take(origin, 2)).isNull();
  }
}
