package dev.cloudshop.gateway.limits;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import reactor.core.publisher.Mono;

import dev.cloudshop.gateway.problem.Problems;

import org.springframework.cloud.gateway.event.RefreshRoutesResultEvent;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.route.RouteLocator;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

/**
 * Sheds what a route cannot take. Each route has at most its {@code max-in-flight}
 * requests under way, from admission until the response is written; one more is answered
 * at once with 503, a {@code Retry-After} and an {@code overloaded} problem, and never
 * reaches the service.
 * <p>
 * Ordered before every route filter, so a route's circuit breaker never sees a shed
 * request: the gateway's own load shedding is not the service failing, and must not open
 * the circuit for everybody else. A client that goes away gives its place back the same
 * way, and the circuit breaker does not count it either.
 * <p>
 * Per route: {@code gateway.requests.shed} counts shed requests,
 * {@code gateway.requests.in.flight} shows those under way and
 * {@code gateway.requests.in.flight.limit} the limit they are held to.
 */
@Component
class InFlightLimitFilter implements GlobalFilter, Ordered {

	private static final String IDEMPOTENCY_KEY = "Idempotency-Key";

	private final GatewayLimits limits;

	private final Problems problems;

	private final MeterRegistry meters;

	private final Map<String, RouteCapacity> capacities = new ConcurrentHashMap<>();

	InFlightLimitFilter(GatewayLimits limits, Problems problems, MeterRegistry meters) {
		this.limits = limits;
		this.problems = problems;
		this.meters = meters;
	}

	/**
	 * Right after the body size check: before a request body is buffered (a route with a
	 * circuit breaker fallback buffers it) and before the route filters, which start at
	 * 1.
	 */
	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE + 1;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
		Route route = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR);
		if (route == null) {
			return chain.filter(exchange);
		}
		RouteCapacity capacity = capacityOf(route);
		if (!capacity.tryAdmit()) {
			capacity.shed.increment();
			return shed(exchange, route);
		}
		return Mono.defer(() -> chain.filter(exchange)).doFinally((signal) -> capacity.leave());
	}

	/**
	 * Registers every route's meters as soon as the routes are known, so that a route's
	 * series exist (at zero) before its first request and an alert sees its first shed.
	 */
	@EventListener
	void registerRoutes(RefreshRoutesResultEvent event) {
		if (event.isSuccess() && event.getSource() instanceof RouteLocator routes) {
			routes.getRoutes().subscribe(this::capacityOf);
		}
	}

	private RouteCapacity capacityOf(Route route) {
		RouteCapacity capacity = this.capacities.computeIfAbsent(route.getId(),
				(routeId) -> new RouteCapacity(routeId, this.meters));
		capacity.limit.set(limitOf(route));
		return capacity;
	}

	private int limitOf(Route route) {
		Object configured = route.getMetadata().get("max-in-flight");
		if (configured == null) {
			return this.limits.maxInFlight();
		}
		try {
			int limit = Integer.parseInt(configured.toString().trim());
			if (limit >= 1) {
				return limit;
			}
		}
		catch (NumberFormatException ex) {
			// Refused below, with the route named.
		}
		throw new IllegalStateException(
				"Route " + route.getId() + " has max-in-flight " + configured + "; it must be a whole number from 1");
	}

	private Mono<Void> shed(ServerWebExchange exchange, Route route) {
		long seconds = retryAfterSeconds(this.limits.overloadedRetryAfter());
		String service = serviceOf(route);
		boolean keyed = exchange.getRequest().getHeaders().getFirst(IDEMPOTENCY_KEY) != null;
		String detail = service + " has as many requests under way as it can take; retry after " + seconds
				+ ((seconds == 1) ? " second" : " seconds") + (keyed ? " with the same " + IDEMPOTENCY_KEY : "");
		exchange.getResponse().getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
		return this.problems.write(exchange, HttpStatus.SERVICE_UNAVAILABLE, "overloaded", "Too busy", detail,
				Map.of("service", service));
	}

	private static long retryAfterSeconds(Duration retryAfter) {
		return Math.max(1, (retryAfter.toMillis() + 999) / 1000);
	}

	private static String serviceOf(Route route) {
		URI uri = route.getUri();
		return (uri.getHost() != null) ? uri.getHost() : route.getId();
	}

	/**
	 * The requests one route has under way, and its meters.
	 */
	private static final class RouteCapacity {

		private final AtomicInteger inFlight = new AtomicInteger();

		private final AtomicInteger limit = new AtomicInteger();

		private final Counter shed;

		RouteCapacity(String routeId, MeterRegistry meters) {
			Gauge.builder("gateway.requests.in.flight", this.inFlight, AtomicInteger::get)
				.description("Requests admitted to the route and not yet answered in full")
				.tag("route", routeId)
				.register(meters);
			Gauge.builder("gateway.requests.in.flight.limit", this.limit, AtomicInteger::get)
				.description("Requests the route may have under way at once")
				.tag("route", routeId)
				.register(meters);
			this.shed = Counter.builder("gateway.requests.shed")
				.description("Requests answered 503 overloaded because the route was at its limit")
				.tag("route", routeId)
				.register(meters);
		}

		boolean tryAdmit() {
			int current;
			do {
				current = this.inFlight.get();
				if (current >= this.limit.get()) {
					return false;
				}
			}
			while (!this.inFlight.compareAndSet(current, current + 1));
			return true;
		}

		void leave() {
			this.inFlight.decrementAndGet();
		}

	}

}
