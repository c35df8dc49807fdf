package dev.cloudshop.localstack;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class ProcessControlTests {

	final List<String> said = new ArrayList<>();

	final FakeProcess postgres = new FakeProcess("postgres");

	final FakeProcess kafka = new FakeProcess("kafka");

	final FakeProcess inventory = new FakeProcess("inventory-service");

	final FakeProcess secondInventory = new FakeProcess("inventory-service#2");

	int pidChanges;

	ProcessControl control;

	@BeforeEach
	void control() {
		this.control = control(this.postgres, this.kafka, this.inventory, this.secondInventory);
	}

	private ProcessControl control(StackProcess... processes) {
		return new ProcessControl(List.of(processes), Duration.ofSeconds(2), "./local-stack.sh chaos", this.said::add,
				() -> this.pidChanges++);
	}

	@Test
	void findsEveryProcessByItsListedNameAndTheFirstInstanceAlsoAsNumberOne() {
		this.control.apply(ChaosAction.KILL, "inventory-service#2");
		assertThat(this.secondInventory.calls).containsExactly("kill");
		assertThat(this.inventory.calls).isEmpty();

		this.control.apply(ChaosAction.KILL, "inventory-service#1");
		assertThat(this.inventory.calls).containsExactly("kill");
	}

	@Test
	void refusesAnUnknownTargetNamingEveryProcess() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.control.apply(ChaosAction.KILL, "inventory-service#3"))
			.withMessage("No process of the stack is named 'inventory-service#3'; the processes are "
					+ "[postgres, kafka, inventory-service, inventory-service#2]");
		assertThatIllegalArgumentException().isThrownBy(() -> this.control.apply(ChaosAction.KILL, "redis"));
	}

	@Test
	void killsAProcessAndSaysHowToBringItBack() {
		long pid = this.kafka.pids().get(0);

		String message = this.control.apply(ChaosAction.KILL, "kafka");

		assertThat(message)
			.isEqualTo("kafka killed (SIGKILL, pid " + pid + "); ./local-stack.sh chaos start kafka brings it back");
		assertThat(this.said).containsExactly("chaos: " + message);
		assertThat(status("kafka").state()).isEqualTo(ProcessState.KILLED);
		assertThat(status("kafka").pid()).isEmpty();
		assertThat(this.control.newDeaths()).as("a kill asked for is no death to report").isEmpty();
	}

	@Test
	void restartsAProcessByKillingItAndStartingItAgainUntilItIsReady() {
		long before = this.postgres.pids().get(0);

		String message = this.control.apply(ChaosAction.RESTART, "postgres");

		assertThat(this.postgres.calls).containsExactly("kill", "start");
		long after = this.postgres.pids().get(0);
		assertThat(after).isNotEqualTo(before);
		assertThat(message).startsWith("postgres restarted: killed (SIGKILL, pid " + before + "), started again (pid "
				+ after + "), ready in ");
		assertThat(status("postgres"))
			.isEqualTo(new ProcessStatus("postgres", OptionalLong.of(after), ProcessState.RUNNING, "fake://postgres"));
		assertThat(this.pidChanges).isOne();
	}

	@Test
	void startsAStoppedProcessAndRefusesToStartOneThatRuns() {
		this.control.apply(ChaosAction.STOP, "kafka");
		assertThat(status("kafka").state()).isEqualTo(ProcessState.STOPPED);

		assertThat(this.control.apply(ChaosAction.START, "kafka")).startsWith("kafka started (pid ");
		assertThat(status("kafka").state()).isEqualTo(ProcessState.RUNNING);
		assertThatExceptionOfType(ProcessControl.Refused.class)
			.isThrownBy(() -> this.control.apply(ChaosAction.START, "kafka"))
			.withMessageStartingWith("kafka is running already (pid ");
		assertThat(this.kafka.calls).containsExactly("stop", "start");
	}

	@Test
	void pausesAndResumesAProcess() {
		assertThat(this.control.apply(ChaosAction.PAUSE, "kafka"))
			.endsWith("./local-stack.sh chaos resume kafka lets it go on");
		assertThat(status("kafka").state()).isEqualTo(ProcessState.PAUSED);
		assertThatExceptionOfType(ProcessControl.Refused.class)
			.isThrownBy(() -> this.control.apply(ChaosAction.PAUSE, "kafka"))
			.withMessageStartingWith("kafka is paused already");

		assertThat(this.control.apply(ChaosAction.RESUME, "kafka")).startsWith("kafka resumed (SIGCONT, pid ");
		assertThat(status("kafka").state()).isEqualTo(ProcessState.RUNNING);
		assertThatExceptionOfType(ProcessControl.Refused.class)
			.isThrownBy(() -> this.control.apply(ChaosAction.RESUME, "kafka"))
			.withMessage("kafka is not paused (it is running)");
		assertThat(this.kafka.calls).containsExactly("pause", "resume");
	}

	@Test
	void resumesAPausedProcessBeforeStoppingIt() {
		this.control.apply(ChaosAction.PAUSE, "inventory-service");

		this.control.apply(ChaosAction.STOP, "inventory-service");

		assertThat(this.inventory.calls).containsExactly("pause", "resume", "stop");
	}

	@Test
	void refusesToActOnAProcessThatDoesNotRun() {
		this.control.apply(ChaosAction.KILL, "kafka");

		for (ChaosAction action : List.of(ChaosAction.KILL, ChaosAction.STOP, ChaosAction.PAUSE)) {
			assertThatExceptionOfType(ProcessControl.Refused.class)
				.isThrownBy(() -> this.control.apply(action, "kafka"))
				.withMessage("kafka is not running (it is killed), so there is nothing to " + action.command()
						+ "; ./local-stack.sh chaos start kafka starts it");
		}
		assertThatExceptionOfType(ProcessControl.Refused.class)
			.isThrownBy(() -> this.control.apply(ChaosAction.RESUME, "kafka"));
	}

	@Test
	void reportsAnUnexpectedDeathOnceWithHowToBringItBack() {
		this.kafka.die("exit 137");

		assertThat(this.control.newDeaths()).singleElement()
			.asString()
			.startsWith("kafka died (exit 137); ./local-stack.sh chaos start kafka brings it back. Its log: ");
		assertThat(this.control.newDeaths()).isEmpty();
		assertThat(status("kafka").state()).isEqualTo(ProcessState.DIED);

		this.control.apply(ChaosAction.START, "kafka");
		this.kafka.die("exit 1");
		assertThat(this.control.newDeaths()).singleElement().asString().startsWith("kafka died (exit 1)");
	}

	@Test
	void reportsAPausedProcessThatDiesToo() {
		this.control.apply(ChaosAction.PAUSE, "postgres");
		this.postgres.die("its postmaster is gone");

		assertThat(this.control.newDeaths()).singleElement()
			.asString()
			.startsWith("postgres died (its postmaster is gone)");
	}

	@Test
	void failsAStartThatEndsWhileStarting() {
		FakeProcess smtp = new FakeProcess("smtp").diesWhileStarting();
		ProcessControl control = control(smtp);
		smtp.die("exit 1");

		assertThatIllegalStateException().isThrownBy(() -> control.apply(ChaosAction.START, "smtp"))
			.withMessageStartingWith("smtp ended (exit 1) while starting. The end of ");
		assertThat(control.newDeaths()).as("the failed start said it already").isEmpty();
	}

	@Test
	void failsAStartThatDoesNotBecomeReadyInTime() {
		FakeProcess gateway = new FakeProcess("gateway-service").neverReady();
		ProcessControl control = control(gateway);
		gateway.die("exit 143");

		assertThatIllegalStateException().isThrownBy(() -> control.apply(ChaosAction.START, "gateway-service"))
			.withMessageStartingWith("gateway-service is not ready after 2 s; see ");
	}

	@Test
	void resumesEveryPausedProcess() {
		this.control.apply(ChaosAction.PAUSE, "postgres");
		this.control.apply(ChaosAction.PAUSE, "inventory-service#2");

		this.control.resumeAll();

		assertThat(this.postgres.calls).containsExactly("pause", "resume");
		assertThat(this.secondInventory.calls).containsExactly("pause", "resume");
		assertThat(this.kafka.calls).isEmpty();
		assertThat(this.control.processes()).extracting(ProcessStatus::state).containsOnly(ProcessState.RUNNING);
	}

	private ProcessStatus status(String name) {
		return this.control.processes()
			.stream()
			.filter((status) -> status.name().equals(name))
			.findFirst()
			.orElseThrow();
	}

}
