package dev.cloudshop.notification;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A local port that nothing listens on until {@link #forwardTo(int)}; from then on it
 * passes every connection through to another local port, until {@link #pause()}. It
 * stands for a server that is down at first and comes up later, or goes down for a while.
 */
final class PortForwarder implements AutoCloseable {

	private static final String HOST = "127.0.0.1";

	private final int port;

	private final List<Socket> sockets = new CopyOnWriteArrayList<>();

	private ServerSocket server;

	PortForwarder() {
		try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getByName(HOST))) {
			this.port = probe.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	String address() {
		return HOST + ":" + this.port;
	}

	synchronized void forwardTo(int targetPort) {
		try {
			this.server = new ServerSocket(this.port, 50, InetAddress.getByName(HOST));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		ServerSocket listening = this.server;
		daemon(() -> accept(listening, targetPort));
	}

	/**
	 * Stands for the server going down: drops every connection and refuses new ones until
	 * {@link #forwardTo(int)} again.
	 */
	synchronized void pause() {
		try {
			close();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private void accept(ServerSocket listening, int targetPort) {
		while (!listening.isClosed()) {
			try {
				Socket client = listening.accept();
				Socket target = new Socket(HOST, targetPort);
				this.sockets.add(client);
				this.sockets.add(target);
				pipe(client, target);
				pipe(target, client);
			}
			catch (IOException ex) {
				// Closed, or the target refused: the client sees its connection drop.
			}
		}
	}

	private static void pipe(Socket from, Socket to) {
		daemon(() -> {
			try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
				in.transferTo(out);
			}
			catch (IOException ex) {
				// One side closed.
			}
		});
	}

	private static void daemon(Runnable task) {
		Thread thread = new Thread(task, "port-forwarder");
		thread.setDaemon(true);
		thread.start();
	}

	@Override
	public synchronized void close() throws IOException {
		if (this.server != null) {
			this.server.close();
		}
		for (Socket socket : this.sockets) {
			socket.close();
		}
		this.sockets.clear();
	}

}
