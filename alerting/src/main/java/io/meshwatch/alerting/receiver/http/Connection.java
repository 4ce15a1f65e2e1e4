package io.meshwatch.alerting.receiver.http;

import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.List;
import java.util.Optional;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SNIServerName;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;
import org.jspecify.annotations.Nullable;

/**
 * One open connection to an origin: writes a request in one go and reads the response through its
 * own buffer, every read bounded by the exchange's deadline. Used by one thread at a time.
 */
final class Connection implements Closeable {
  private static final int BUFFER_BYTES = 8192;
  // Longer status and header lines are no HTTP a webhook receiver sends.
  private static final int MAX_LINE = 8192;

  private final Origin origin;
  private final Socket socket;
  private final InputStream in;
  private final OutputStream out;
  private final byte[] buffer = new byte[BUFFER_BYTES];
  private int position;
  private int limit;
  private long bytesRead;
  private long idleSinceNanos;

  private Connection(Origin origin, Socket socket) throws IOException {
    this.origin = origin;
    this.socket = socket;
    this.in = socket.getInputStream();
    this.out = socket.getOutputStream();
  }

  /**
   * Connects (and for https, shakes hands with {@code tls} and checks the certificate names the host)
   * by {@code deadlineNanos}.
   */
  static Connection open(Origin origin, long connectTimeoutMillis, long deadlineNanos, @Nullable SSLSocketFactory tls)
      throws IOException {
    Socket plain = new Socket();
    try {
      plain.setTcpNoDelay(true);
      int connectMillis = (int) Math.min(connectTimeoutMillis, remainingMillis(deadlineNanos));
      plain.connect(new InetSocketAddress(origin.address(), origin.port()), connectMillis);
      if (!origin.secure()) {
        return new Connection(origin, plain);
      }
      if (tls == null) {
        throw new IllegalArgumentException("https to " + origin + " needs a TLS socket factory");
      }
      SSLSocket secure = (SSLSocket) tls.createSocket(plain, origin.address(), origin.port(), true);
      SSLParameters parameters = secure.getSSLParameters();
      parameters.setEndpointIdentificationAlgorithm("HTTPS");
      serverName(origin).ifPresent(name -> parameters.setServerNames(List.of(name)));
      secure.setSSLParameters(parameters);
      secure.setSoTimeout(remainingMillis(deadlineNanos));
      Watchdog watchdog = Watchdog.closeAt(plain, deadlineNanos);
      try {
        secure.startHandshake();
      } catch (IOException e) {
        throw watchdog.fired() ? new SocketTimeoutException("deadline passed during the TLS handshake") : e;
      } finally {
        watchdog.disarm();
      }
      return new Connection(origin, secure);
    } catch (IOException | RuntimeException e) {
      plain.close();
      throw e;
    }
  }

  /**
   * The name to send in TLS's server name indication. The JDK sends none for a host without a dot
   * ({@code https://alertmanager:9093}), so a server routing by name would show another certificate.
   */
  private static Optional<SNIServerName> serverName(Origin origin) {
    String host = origin.address();
    if (host.contains(":") || host.chars().allMatch(c -> c == '.' || (c >= '0' && c <= '9'))) {
      return Optional.empty(); // an IP address: never sent as a server name
    }
    try {
      return Optional.of(new SNIHostName(host));
    } catch (IllegalArgumentException e) {
      return Optional.empty(); // not a name SNI can carry; the certificate check still applies
    }
  }

  Origin origin() {
    return origin;
  }

  void write(byte[] request) throws IOException {
    out.write(request);
    out.flush();
  }

  /** Whether any byte of a response arrived on this connection since {@link #resetReadCount}. */
  boolean anyRead() {
    return bytesRead > 0;
  }

  void resetReadCount() {
    bytesRead = 0;
  }

  /** One line without its CR LF (a bare LF ends it too), as ASCII. */
  String readLine(long deadlineNanos) throws IOException {
    StringBuilder line = new StringBuilder(64);
    while (true) {
      int b = read(deadlineNanos);
      if (b == '\n') {
        int end = line.length();
        return end > 0 && line.charAt(end - 1) == '\r' ? line.substring(0, end - 1) : line.toString();
      }
      if (line.length() == MAX_LINE) {
        throw new IOException(origin + " sent a line longer than " + MAX_LINE + " bytes");
      }
      line.append((char) (b & 0xff));
    }
  }

  /** Reads {@code length} bytes, keeping the first ones in {@code keep} (up to its room). */
  void readBody(long length, BodyPrefix keep, long deadlineNanos) throws IOException {
    for (long left = length; left > 0; ) {
      if (position == limit) {
        fill(deadlineNanos);
      }
      int chunk = (int) Math.min(left, limit - position);
      keep.add(buffer, position, chunk);
      position += chunk;
      left -= chunk;
    }
  }

  /**
   * Reads until the server closes the connection (a response without a length), or until about
   * {@code maxBytes} were read: the connection is not reused either way.
   */
  void readToEnd(BodyPrefix keep, long maxBytes, long deadlineNanos) throws IOException {
    for (long total = 0; total <= maxBytes; ) {
      if (position == limit && !tryFill(deadlineNanos)) {
        return;
      }
      int chunk = limit - position;
      total += chunk;
      keep.add(buffer, position, chunk);
      position = limit;
    }
  }

  /** Whether bytes beyond the response just read arrived: the connection is then out of step. */
  boolean hasBuffered() {
    return position < limit;
  }

  boolean isClosed() {
    return socket.isClosed();
  }

  void markIdle(long nowNanos) {
    idleSinceNanos = nowNanos;
  }

  long idleSinceNanos() {
    return idleSinceNanos;
  }

  /** Closes the connection from another thread: a blocked write or read fails at once. */
  @Override
  public void close() {
    try {
      socket.close();
    } catch (IOException e) {
      // Nothing to do about a socket that will not close; it is dropped either way.
    }
  }

  private int read(long deadlineNanos) throws IOException {
    if (position == limit) {
      fill(deadlineNanos);
    }
    return buffer[position++];
  }

  private void fill(long deadlineNanos) throws IOException {
    if (!tryFill(deadlineNanos)) {
      throw new EOFException(origin + " closed the connection before the response was complete");
    }
  }

  private boolean tryFill(long deadlineNanos) throws IOException {
    socket.setSoTimeout(remainingMillis(deadlineNanos));
    int n = in.read(buffer, 0, buffer.length);
    if (n < 0) {
      return false;
    }
    position = 0;
    limit = n;
    bytesRead += n;
    return true;
  }

  /** What is left until {@code deadlineNanos}, at least 1 ms (0 would mean "no timeout" to a socket). */
  private static int remainingMillis(long deadlineNanos) throws SocketTimeoutException {
    long left = deadlineNanos - System.nanoTime();
    if (left <= 0) {
      throw new SocketTimeoutException("deadline passed");
    }
    return (int) Math.max(1, Math.min(Integer.MAX_VALUE, (left + 999_999) / 1_000_000));
  }
}
