package dev.cloudshop.endtoend;

import java.nio.file.Path;

import dev.cloudshop.localstack.LocalStack;
import dev.cloudshop.localstack.StackOptions;

/**
 * The one stack every end-to-end test class shares: started on first use with the same
 * launcher a developer runs, its ports moved by 20000 so it can run beside a developer's
 * own stack, and stopped when the test JVM exits.
 */
final class RunningSuite {

	static final int PORT_OFFSET = 20000;

	private static LocalStack stack;

	private RunningSuite() {
	}

	static synchronized LocalStack get() {
		if (stack == null) {
			Path root = Path.of(System.getProperty("suite.root", "..")).toAbsolutePath().normalize();
			Path workDir = Path.of(System.getProperty("suite.workdir", "target/stack")).toAbsolutePath();
			StackOptions options = StackOptions.defaults(root)
				.withWorkDir(workDir)
				.withPortOffset(PORT_OFFSET)
				.withInstances("inventory-service", 2)
				.withInstances("image-service", 2)
				.withReset(true);
			stack = LocalStack.start(options);
			System.out.printf("The suite was ready in %.1f s and holds %d MiB (PSS)%n",
					stack.startupTime().toMillis() / 1000.0, stack.residentMemoryBytes() / (1024 * 1024));
			Runtime.getRuntime().addShutdownHook(new Thread(stack::close));
		}
		return stack;
	}

}
