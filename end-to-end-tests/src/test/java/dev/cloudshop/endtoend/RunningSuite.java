package dev.cloudshop.endtoend;

import java.nio.file.Path;

import dev.cloudshop.localstack.LocalStack;
import dev.cloudshop.localstack.StackOptions;

/**
 * The one stack every end-to-end test class shares: started on first use with the same
 * launcher a developer runs, its ports moved by 20000 so it can run beside a developer's
 * own stack, and stopped when the test JVM exits. A start that failed is not tried again
 * by every later test class: they fail at once with the same cause.
 */
final class RunningSuite {

	static final int PORT_OFFSET = 20000;

	private static LocalStack stack;

	private static RuntimeException startFailure;

	private RunningSuite() {
	}

	static synchronized LocalStack get() {
		if (startFailure != null) {
			throw new IllegalStateException("The suite did not start for an earlier test class", startFailure);
		}
		if (stack == null) {
			Path root = Path.of(System.getProperty("suite.root", "..")).toAbsolutePath().normalize();
			Path workDir = Path.of(System.getProperty("suite.workdir", "target/stack")).toAbsolutePath();
			StackOptions options = StackOptions.defaults(root)
				.withWorkDir(workDir)
				.withPortOffset(PORT_OFFSET)
				.withInstances("inventory-service", 2)
				.withInstances("image-service", 2)
				.withReset(true);
			try {
				stack = LocalStack.start(options);
			}
			catch (RuntimeException ex) {
				startFailure = ex;
				throw ex;
			}
			System.out.printf("The suite was ready in %.1f s and holds %d MiB (PSS)%n",
					stack.startupTime().toMillis() / 1000.0, stack.residentMemoryBytes() / (1024 * 1024));
			Runtime.getRuntime().addShutdownHook(new Thread(stack::close));
		}
		return stack;
	}

}
