package io.meshwatch.alerting.receiver;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jspecify.annotations.Nullable;

/**
 * A minimal SMTP server on 127.0.0.1, port 0, that answers {@code MAIL FROM} with a reply the test
 * chooses (e.g. {@code 451 4.3.0 try again later}) or never says a word, so a test can make the
 * failures GreenMail cannot. It records every line the client sends.
 */
final class ScriptedSmtpServer implements AutoCloseable {
  private final ServerSocket server;
  private final Thread acceptor;
  private final List<Socket> connections = new CopyOnWriteArrayList<>();
  private final StringBuffer transcript = new StringBuffer();
  private volatile @Nullable String mailFromReply;
  private volatile boolean silent;

  ScriptedSmtpServer() throws IOException {
    server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    acceptor = new Thread(this::accept, "scripted-smtp");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  int port() {
    return server.getLocalPort();
  }

  /** Answer {@code MAIL FROM} with {@code reply} (a full reply line) instead of 250. */
  void failMailFrom(String reply) {
    mailFromReply = reply;
  }

  /** Accept connections but never greet: the client waits for its read timeout. */
  void stayAsleep() {
    silent = true;
  }

  String transcript() {
    return transcript.toString();
  }

  private void accept() {
    while (!server.isClosed()) {
      try {
        Socket socket = server.accept();
        connections.add(socket);
        Thread session = new Thread(() -> converse(socket), "scripted-smtp-session");
        session.setDaemon(true);
        session.start();
      } catch (IOException e) {
        return;
      }
    }
  }

  private void converse(Socket socket) {
    if (silent) {
      return;
    }
    try (socket;
        BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
        OutputStream out = socket.getOutputStream()) {
      reply(out, "220 scripted ESMTP");
      boolean data = false;
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        transcript.append(line).append('\n');
        if (data) {
          if (line.equals(".")) {
            data = false;
            reply(out, "250 2.0.0 queued");
          }
          continue;
        }
        String command = line.length() < 4 ? line.toUpperCase() : line.substring(0, 4).toUpperCase();
        switch (command) {
          case "EHLO", "HELO" -> reply(out, "250 scripted");
          case "MAIL" -> reply(out, mailFromReply == null ? "250 2.1.0 ok" : mailFromReply);
          case "DATA" -> {
            data = true;
            reply(out, "354 end with <CRLF>.<CRLF>");
          }
          case "QUIT" -> {
            reply(out, "221 2.0.0 bye");
            return;
          }
          default -> reply(out, "250 ok");
        }
      }
    } catch (IOException e) {
      // The client went away; nothing to answer.
    }
  }

  private static void reply(OutputStream out, String line) throws IOException {
    out.write((line + "\r\n").getBytes(StandardCharsets.US_ASCII));
    out.flush();
  }

  @Override
  public void close() throws IOException {
    server.close();
    for (Socket socket : connections) {
      socket.close();
    }
    try {
      acceptor.join(1000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
