package io.meshwatch.alerting.receiver.http;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsParameters;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SNIMatcher;
import javax.net.ssl.SNIServerName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.StandardConstants;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** https against the JDK's own HTTPS server, with certificates made by the JDK's keytool for the test. */
class KeepAliveHttpClientTlsTest {
  private static final char[] PASSWORD = "changeit".toCharArray();
  private static final Duration TIMEOUT = Duration.ofSeconds(10);

  @TempDir Path dir;
  private HttpsServer server;
  private final List<String> bodies = new CopyOnWriteArrayList<>();
  private final List<Integer> clientPorts = new CopyOnWriteArrayList<>();
  private final List<String> serverNames = new CopyOnWriteArrayList<>();

  @AfterEach
  void stop() {
    if (server != null) {
      server.stop(0);
    }
  }

  @Test
  void post_overTlsToAServerWhoseCertificateNamesItsAddress() throws Exception {
    KeyStore keys = keyStore("ip:127.0.0.1");
    URI url = start(keys);

    try (KeepAliveHttpClient client = KeepAliveHttpClient.create(TIMEOUT, trusting(keys))) {
      KeepAliveHttpClient.Reply first = client.post(url, Map.of(), "{\"n\":1}".getBytes(UTF_8), TIMEOUT);
      KeepAliveHttpClient.Reply second = client.post(url, Map.of(), "{\"n\":2}".getBytes(UTF_8), TIMEOUT);

      assertThat(first).isEqualTo(new KeepAliveHttpClient.Reply(202, "taken"));
      assertThat(second.status()).isEqualTo(202);
    }
    assertThat(bodies).containsExactly("{\"n\":1}", "{\"n\":2}");
    assertThat(clientPorts).as("one kept-alive connection").hasSize(2).containsOnly(clientPorts.get(0));
  }

  @Test
  void post_namesAHostWithoutADotToTheServer() throws Exception {
    // The JDK leaves out the server name for such hosts (https://alertmanager:9093); the client sends it.
    KeyStore keys = keyStore("dns:localhost");
    URI url = URI.create(start(keys).toString().replace("127.0.0.1", "localhost"));

    try (KeepAliveHttpClient client = KeepAliveHttpClient.create(TIMEOUT, trusting(keys))) {
      assertThat(client.post(url, Map.of(), new byte[2], TIMEOUT).status()).isEqualTo(202);
    }
    assertThat(serverNames).containsExactly("localhost");
  }

  @Test
  void post_refusesAServerWhoseCertificateNamesAnotherHost() throws Exception {
    KeyStore keys = keyStore("dns:hooks.example.com");
    URI url = start(keys);

    try (KeepAliveHttpClient client = KeepAliveHttpClient.create(TIMEOUT, trusting(keys))) {
      assertThatThrownBy(() -> client.post(url, Map.of(), new byte[2], TIMEOUT))
          .isInstanceOf(SSLHandshakeException.class);
    }
    assertThat(bodies).isEmpty();
  }

  @Test
  void post_refusesACertificateNobodyTrusts() throws Exception {
    URI url = start(keyStore("ip:127.0.0.1"));

    try (KeepAliveHttpClient client = KeepAliveHttpClient.create(TIMEOUT)) {
      assertThatThrownBy(() -> client.post(url, Map.of(), new byte[2], TIMEOUT))
          .isInstanceOf(SSLHandshakeException.class);
    }
    assertThat(bodies).isEmpty();
  }

  private URI start(KeyStore keys) throws IOException, GeneralSecurityException {
    KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    keyManagers.init(keys, PASSWORD);
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(keyManagers.getKeyManagers(), null, null);
    server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setHttpsConfigurator(new HttpsConfigurator(context) {
      @Override
      public void configure(HttpsParameters parameters) {
        SSLParameters ssl = context.getDefaultSSLParameters();
        ssl.setSNIMatchers(List.of(new SNIMatcher(StandardConstants.SNI_HOST_NAME) {
          @Override
          public boolean matches(SNIServerName name) {
            serverNames.add(((SNIHostName) name).getAsciiName());
            return true;
          }
        }));
        parameters.setSSLParameters(ssl);
      }
    });
    server.createContext("/", exchange -> {
      try (exchange; InputStream body = exchange.getRequestBody()) {
        bodies.add(new String(body.readAllBytes(), UTF_8));
        clientPorts.add(exchange.getRemoteAddress().getPort());
        byte[] answer = "taken".getBytes(UTF_8);
        exchange.sendResponseHeaders(202, answer.length);
        exchange.getResponseBody().write(answer);
      }
    });
    server.start();
    return URI.create("https://127.0.0.1:" + server.getAddress().getPort() + "/hook");
  }

  /** A self-signed key pair whose certificate names {@code subjectAltName}, made by keytool. */
  private KeyStore keyStore(String subjectAltName) throws Exception {
    Path file = dir.resolve("server.p12");
    Files.deleteIfExists(file);
    Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
    Process process = new ProcessBuilder(keytool.toString(), "-genkeypair", "-alias", "server", "-keyalg", "EC",
        "-dname", "CN=meshwatch test", "-ext", "SAN=" + subjectAltName, "-validity", "2",
        "-storetype", "PKCS12", "-keystore", file.toString(), "-storepass", new String(PASSWORD))
        .redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), UTF_8);
    assertThat(process.waitFor()).as("keytool: %s", output).isZero();
    KeyStore keys = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(file)) {
      keys.load(in, PASSWORD);
    }
    return keys;
  }

  private static SSLContext trusting(KeyStore keys) throws GeneralSecurityException, IOException {
    KeyStore trusted = KeyStore.getInstance(KeyStore.getDefaultType());
    trusted.load(null, null);
    trusted.setCertificateEntry("server", keys.getCertificate("server"));
    TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    trust.init(trusted);
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(null, trust.getTrustManagers(), null);
    return context;
  }
}
