package dev.cloudshop.inventory;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Requests sent at the same time, each on a plain HTTP/1.1 connection of its own, to show
 * what the service does under contention.
 */
public final class ConcurrentRequests {

	private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	private final int port;

	/**
	 * @param port the port the service listens on
	 */
	public ConcurrentRequests(int port) {
		this.port = port;
	}

	/**
	 * Runs calls on a pool of threads, letting the first of them go at the same moment.
	 * @param threads how many threads run them
	 * @param calls what to run
	 * @param <T> what a call returns
	 * @return what each call returned, in the order of the calls
	 * @throws Exception when a call failed
	 */
	public static <T> List<T> race(int threads, List<Callable<T>> calls) throws Exception {
		CountDownLatch start = new CountDownLatch(1);
		ExecutorService pool = Executors.newFixedThreadPool(threads);
		try {
			List<Future<T>> results = new ArrayList<>();
			for (Callable<T> call : calls) {
				results.add(pool.submit(() -> {
					start.await();
					return call.call();
				}));
			}
			start.countDown();
			List<T> returned = new ArrayList<>();
			for (Future<T> result : results) {
				returned.add(result.get());
			}
			return returned;
		}
		finally {
			pool.shutdownNow();
		}
	}

	/**
	 * @param method the HTTP method
	 * @param path the path, such as {@code /api/reservations}
	 * @param json the JSON body, or {@code null} for none
	 * @return the status of the answer
	 * @throws Exception when the request could not be sent
	 */
	public int send(String method, String path, String json) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path));
		if (json != null) {
			request.header("Content-Type", "application/json")
				.method(method, HttpRequest.BodyPublishers.ofString(json));
		}
		else {
			request.method(method, HttpRequest.BodyPublishers.noBody());
		}
		return this.http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
	}

}
