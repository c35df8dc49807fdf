package dev.cloudshop.notification;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Arrays;
import java.util.List;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistrar;

/**
 * Points the application's mail sender at a real SMTP server (GreenMail) in the test JVM:
 * import it into a {@code @SpringBootTest}. One server for the whole JVM, like the
 * application contexts the tests share, on a free port that it keeps across
 * {@link #stop()} and {@link #start()}.
 */
@TestConfiguration(proxyBeanMethods = false)
public class RealSmtp {

	private static final String HOST = "127.0.0.1";

	private static GreenMail server;

	private static int port;

	@Bean
	DynamicPropertyRegistrar realSmtpProperties() {
		start();
		return (registry) -> {
			registry.add("spring.mail.host", () -> HOST);
			registry.add("spring.mail.port", () -> port);
		};
	}

	/**
	 * Starts the server, on first use or again after {@link #stop()}.
	 */
	public static synchronized void start() {
		if (server == null) {
			port = freePort();
			server = new GreenMail(new ServerSetup(port, HOST, ServerSetup.PROTOCOL_SMTP));
		}
		if (!server.isRunning()) {
			server.start();
		}
	}

	/**
	 * Stops the server, so that sending fails until it starts again.
	 */
	public static synchronized void stop() {
		server.stop();
	}

	/**
	 * @param address a recipient
	 * @return the messages received for it since the server last started, oldest first
	 */
	public static synchronized List<MimeMessage> messagesTo(String address) {
		return Arrays.stream(server.getReceivedMessages()).filter((message) -> isTo(message, address)).toList();
	}

	private static boolean isTo(MimeMessage message, String address) {
		try {
			Address[] recipients = message.getAllRecipients();
			return recipients != null && Arrays.stream(recipients).anyMatch((to) -> to.toString().equals(address));
		}
		catch (MessagingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(HOST))) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
