package se.clientfunds.app.notify;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A real SMTP server on loopback, as small as a test needs: it speaks the commands a mail client sends (EHLO, MAIL,
 * RCPT, DATA, QUIT) and keeps each message's recipients and its text.
 */
final class LoopbackSmtpServer implements AutoCloseable {

    /** One message received: to whom, and its headers and body as sent. */
    record Message(List<String> recipients, String data) {
    }

    private final ServerSocket socket;
    private final List<Message> messages = new CopyOnWriteArrayList<>();
    private final Thread acceptor;

    LoopbackSmtpServer() throws IOException {
        socket = new ServerSocket(0, 10, InetAddress.getLoopbackAddress());
        acceptor = new Thread(this::accept, "loopback-smtp");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    int port() {
        return socket.getLocalPort();
    }

    List<Message> messages() {
        return List.copyOf(messages);
    }

    private void accept() {
        while (!socket.isClosed()) {
            try (Socket client = socket.accept()) {
                serve(client);
            } catch (IOException e) {
                // closed, or a client gone: the next one is served
            }
        }
    }

    private void serve(Socket client) throws IOException {
        BufferedReader in = new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.US_ASCII));
        PrintWriter out = new PrintWriter(client.getOutputStream(), true, StandardCharsets.US_ASCII);
        out.print("220 loopback SMTP\r\n");
        out.flush();
        List<String> recipients = new CopyOnWriteArrayList<>();
        String line;
        while ((line = in.readLine()) != null) {
            String command = line.toUpperCase(java.util.Locale.ROOT);
            if (command.startsWith("EHLO") || command.startsWith("HELO")) {
                out.print("250 loopback\r\n");
            } else if (command.startsWith("MAIL FROM")) {
                recipients.clear();
                out.print("250 OK\r\n");
            } else if (command.startsWith("RCPT TO")) {
                recipients.add(line.substring(line.indexOf('<') + 1, line.indexOf('>')));
                out.print("250 OK\r\n");
            } else if (command.equals("DATA")) {
                out.print("354 end with .\r\n");
                out.flush();
                StringBuilder data = new StringBuilder();
                String dataLine;
                while ((dataLine = in.readLine()) != null && !dataLine.equals(".")) {
                    data.append(dataLine.startsWith("..") ? dataLine.substring(1) : dataLine).append('\n');
                }
                messages.add(new Message(List.copyOf(recipients), data.toString()));
                out.print("250 OK queued\r\n");
            } else if (command.equals("QUIT")) {
                out.print("221 bye\r\n");
                out.flush();
                return;
            } else {
                out.print("250 OK\r\n");
            }
            out.flush();
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
