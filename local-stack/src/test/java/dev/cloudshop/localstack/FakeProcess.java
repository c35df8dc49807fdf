package dev.cloudshop.localstack;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A process of a stack that only pretends: it records what was done to it.
 */
class FakeProcess implements StackProcess {

	private static long nextPid = 1000;

	final List<String> calls = new ArrayList<>();

	private final String name;

	private volatile boolean alive = true;

	private volatile boolean readyAfterStart = true;

	private volatile boolean diesWhileStarting;

	private volatile long pid = nextPid++;

	private volatile String exitStatus = "still running";

	FakeProcess(String name) {
		this.name = name;
	}

	FakeProcess neverReady() {
		this.readyAfterStart = false;
		return this;
	}

	FakeProcess diesWhileStarting() {
		this.diesWhileStarting = true;
		return this;
	}

	/**
	 * Ends as a crash would, without anyone asking.
	 */
	void die(String status) {
		this.alive = false;
		this.exitStatus = status;
	}

	@Override
	public String name() {
		return this.name;
	}

	@Override
	public String address() {
		return "fake://" + this.name;
	}

	@Override
	public List<Long> pids() {
		return this.alive ? List.of(this.pid) : List.of();
	}

	@Override
	public boolean isAlive() {
		return this.alive;
	}

	@Override
	public boolean isReady() {
		return this.alive && this.readyAfterStart;
	}

	@Override
	public void start() {
		this.calls.add("start");
		this.pid = nextPid++;
		this.alive = !this.diesWhileStarting;
		this.exitStatus = this.diesWhileStarting ? "exit 1" : "still running";
	}

	@Override
	public void stop() {
		this.calls.add("stop");
		die("exit 143");
	}

	@Override
	public void kill() {
		this.calls.add("kill");
		die("exit 137");
	}

	@Override
	public void pause() {
		this.calls.add("pause");
	}

	@Override
	public void resume() {
		this.calls.add("resume");
	}

	@Override
	public String exitStatus() {
		return this.exitStatus;
	}

	@Override
	public Path logFile() {
		return Path.of("target", "fake-process-logs", this.name + ".log");
	}

}
