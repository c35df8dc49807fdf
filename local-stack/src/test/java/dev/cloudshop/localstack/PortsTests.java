package dev.cloudshop.localstack;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNoException;

class PortsTests {

	@TempDir
	Path temp;

	final ServerSocket taken = bind();

	@AfterEach
	void release() throws IOException {
		this.taken.close();
	}

	@Test
	void namesWhoWantedAPortThatIsTakenAndHowToGetPastIt() {
		Ports ports = new Ports();
		ports.want(this.taken.getLocalPort(), "kafka");
		ports.want(freePort(), "smtp");

		assertThatExceptionOfType(Ports.PortInUseException.class).isThrownBy(ports::checkFree)
			.withMessage("Already in use: port " + this.taken.getLocalPort() + " (wanted by kafka). Stop what holds"
					+ " them (`ss -ltnp` shows it; an earlier local stack is stopped with Ctrl-C) or start with"
					+ " --port-offset N to move every port by N.");
	}

	@Test
	void passesWhenEveryPortIsFree() {
		Ports ports = new Ports();
		ports.want(freePort(), "postgres");

		assertThatNoException().isThrownBy(ports::checkFree);
	}

	@Test
	void refusesToGiveOnePortToTwoParts() {
		Ports ports = new Ports();
		ports.want(5432, "postgres");

		assertThatIllegalArgumentException().isThrownBy(() -> ports.want(5432, "order-service"))
			.withMessage("Port 5432 is wanted by both postgres and order-service");
	}

	@Test
	void wantsEveryPortOfTheStackByTheNameOfWhatListensOnIt() throws IOException {
		// Below the ephemeral range, so that every port of the stack is a valid one.
		int offset = 21000;
		ServerSocket control = null;
		while (control == null) {
			offset++;
			control = bind(StackOptions.controlPort(offset));
		}
		StackOptions options = StackOptions.defaults(this.temp).withPortOffset(offset);
		try (ServerSocket controlPort = control) {
			ServiceInstance secondInventory = new ServiceInstance(SuiteService.named("inventory-service"), 1,
					this.taken.getLocalPort(), "java", this.temp, Map.of(), this.temp, this.temp.resolve("jars"));

			assertThatExceptionOfType(Ports.PortInUseException.class)
				.isThrownBy(() -> Ports.of(options, List.of(secondInventory)).checkFree())
				.withMessageContaining("port " + controlPort.getLocalPort()
						+ " (wanted by the launcher's control endpoint (./local-stack.sh chaos))")
				.withMessageContaining("port " + this.taken.getLocalPort() + " (wanted by inventory-service#2)");
		}
	}

	/**
	 * @return the socket, or {@code null} when the port is taken
	 */
	private static ServerSocket bind(int port) {
		try {
			return new ServerSocket(port, 1, InetAddress.getLoopbackAddress());
		}
		catch (IOException ex) {
			return null;
		}
	}

	private static ServerSocket bind() {
		try {
			return new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket()) {
			socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
