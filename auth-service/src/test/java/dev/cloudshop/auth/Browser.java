package dev.cloudshop.auth;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A person's browser against the service: a real HTTP client with its own cookies, that
 * asks for HTML, follows redirects within the service and stops at one that leaves it
 * (such as the gateway's redirect URI), and fills in the sign-in and consent forms.
 */
public final class Browser {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

	private static final Pattern CONSENT_FORM = Pattern
		.compile("<form name=\"consent_form\" method=\"post\" action=\"([^\"]+)\"");

	private static final Pattern HIDDEN = Pattern
		.compile("<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\"");

	private static final Pattern SCOPE = Pattern.compile("type=\"checkbox\" name=\"scope\" value=\"([^\"]+)\"");

	private final URI base;

	private final HttpClient client;

	private HttpResponse<String> page;

	public Browser(int port) {
		this.base = URI.create("http://localhost:" + port);
		this.client = HttpClient.newBuilder()
			.cookieHandler(new CookieManager())
			.followRedirects(HttpClient.Redirect.NEVER)
			.connectTimeout(Duration.ofSeconds(5))
			.build();
	}

	/**
	 * Opens a page and follows its redirects within the service.
	 * @param pathOrUrl a path of the service, or an absolute URL on it
	 * @return the last answer: a page, or a redirect that leaves the service
	 */
	public HttpResponse<String> open(String pathOrUrl) {
		return follow(send(HttpRequest.newBuilder(this.base.resolve(pathOrUrl)).GET()));
	}

	/**
	 * Signs in on the sign-in form the browser is on, and follows where that leads.
	 * @param username the username
	 * @param password the password
	 * @return the last answer
	 */
	public HttpResponse<String> signIn(String username, String password) {
		Matcher csrf = CSRF.matcher(this.page.body());
		if (!this.page.uri().getPath().equals("/login") || !csrf.find()) {
			throw new IllegalStateException("Not on the sign-in form but on " + this.page.uri());
		}
		Map<String, String> form = new LinkedHashMap<>();
		form.put("username", username);
		form.put("password", password);
		form.put("_csrf", csrf.group(1));
		return follow(send(HttpRequest.newBuilder(this.base.resolve("/login"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form(form)))));
	}

	/**
	 * Grants everything the consent page the browser is on asks for (every scope
	 * checked), and follows where that leads. Consent is asked once per user and client:
	 * on any other page this does nothing.
	 * @return the last answer
	 */
	public HttpResponse<String> consent() {
		String body = this.page.body();
		Matcher action = CONSENT_FORM.matcher(body);
		if (!action.find()) {
			return this.page;
		}
		List<String> fields = new ArrayList<>();
		Matcher hidden = HIDDEN.matcher(body);
		while (hidden.find()) {
			fields.add(encode(hidden.group(1)) + "=" + encode(hidden.group(2)));
		}
		Matcher scope = SCOPE.matcher(body);
		while (scope.find()) {
			fields.add("scope=" + encode(scope.group(1)));
		}
		return follow(send(HttpRequest.newBuilder(this.base.resolve(action.group(1)))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(String.join("&", fields)))));
	}

	public static String form(Map<String, String> parameters) {
		return parameters.entrySet()
			.stream()
			.map((entry) -> encode(entry.getKey()) + "=" + encode(entry.getValue()))
			.collect(Collectors.joining("&"));
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	private HttpResponse<String> follow(HttpResponse<String> response) {
		HttpResponse<String> current = response;
		for (int i = 0; i < 10; i++) {
			this.page = current;
			if (current.statusCode() / 100 != 3) {
				return current;
			}
			URI location = current.uri().resolve(current.headers().firstValue("Location").orElseThrow());
			if (location.getPort() != this.base.getPort() || !"localhost".equals(location.getHost())) {
				return current;
			}
			current = send(HttpRequest.newBuilder(location).GET());
		}
		throw new IllegalStateException("Too many redirects, last at " + current.uri());
	}

	private HttpResponse<String> send(HttpRequest.Builder request) {
		try {
			return this.client.send(request.header("Accept", "text/html").timeout(Duration.ofSeconds(10)).build(),
					HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
