package dev.cloudshop.testinfra;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.assertj.core.api.AbstractAssert;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.ExchangeResult;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * AssertJ assertions on a problem of the suite's contract (RFC 9457 problem details):
 * <pre class="code">
 * assertThatProblem(client.get().uri("/api/payments").exchange())
 * 	.hasStatus(400)
 * 	.hasType("validation-failed")
 * 	.hasField("orderId");
 * </pre> Made from an answer, it first checks that the answer is
 * {@code application/problem+json} with the same status as its body; made from an answer
 * or a body, that the problem has the members every problem has (a type of the suite, a
 * status, a title, a detail) and that it names no exception class and holds no stack
 * trace.
 */
public final class ProblemAssert extends AbstractAssert<ProblemAssert, JsonNode> {

	private static final JsonMapper json = JsonMapper.builder().build();

	private static final String TYPE_BASE = "https://cloudshop.dev/problems/";

	// A Java exception or error class name, such as IllegalStateException or
	// org.hibernate.HibernateError
	private static final Pattern EXCEPTION_NAME = Pattern.compile("\\b[A-Z][A-Za-z0-9_$]*(Exception|Error)\\b");

	// A frame of a Java stack trace, such as "at dev.cloudshop.Foo.bar(Foo.java:12)"
	private static final Pattern STACK_FRAME = Pattern.compile("\\bat [\\w$.]+\\([\\w$.]*(:\\d+)?\\)");

	private final String body;

	private ProblemAssert(JsonNode problem, String body) {
		super(problem, ProblemAssert.class);
		this.body = body;
	}

	/**
	 * Assertions on a problem body.
	 * @param body the JSON body
	 * @return the assertions
	 */
	public static ProblemAssert assertThatProblem(String body) {
		ProblemAssert problem = new ProblemAssert(parse(body), body);
		return problem.hasTheContractsMembers().leaksNothing();
	}

	/**
	 * Assertions on the problem a {@code RestTestClient} request was answered with.
	 * @param response the answer
	 * @return the assertions
	 */
	public static ProblemAssert assertThatProblem(RestTestClient.ResponseSpec response) {
		ExchangeResult result = response.returnResult(byte[].class);
		byte[] content = result.getResponseBodyContent();
		String body = (content != null) ? new String(content, StandardCharsets.UTF_8) : "";
		MediaType contentType = result.getResponseHeaders().getContentType();
		return of(result.getStatus().value(), (contentType != null) ? contentType.toString() : null, body);
	}

	/**
	 * Assertions on the problem a plain HTTP request was answered with.
	 * @param response the answer
	 * @return the assertions
	 */
	public static ProblemAssert assertThatProblem(HttpResponse<String> response) {
		return of(response.statusCode(), response.headers().firstValue("Content-Type").orElse(null), response.body());
	}

	/**
	 * Assertions on the problem of an answer given by its parts.
	 * @param status the HTTP status of the answer
	 * @param contentType its {@code Content-Type}, or {@code null}
	 * @param body its body
	 * @return the assertions
	 */
	public static ProblemAssert of(int status, String contentType, String body) {
		if (contentType == null
				|| !MediaType.parseMediaType(contentType).isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)) {
			throw notAProblem("Expected an application/problem+json answer but it was %s (status %d): %s", contentType,
					status, body);
		}
		ProblemAssert problem = assertThatProblem(body);
		if (problem.actual.path("status").asInt() != status) {
			throw notAProblem("Expected the problem's status to be the answer's %d but it was %s: %s", status,
					problem.actual.path("status"), body);
		}
		return problem;
	}

	/**
	 * @param status the expected HTTP status
	 * @return this
	 */
	public ProblemAssert hasStatus(int status) {
		isNotNull();
		if (this.actual.path("status").asInt() != status) {
			failWithMessage("Expected status %d but was %s in %s", status, this.actual.path("status"), this.body);
		}
		return this;
	}

	/**
	 * @param slug the expected type: its slug, such as {@code validation-failed}, or the
	 * whole URI
	 * @return this
	 */
	public ProblemAssert hasType(String slug) {
		String expected = slug.startsWith("https:") ? slug : TYPE_BASE + slug;
		return hasMember("type", expected);
	}

	/**
	 * @param title the expected title
	 * @return this
	 */
	public ProblemAssert hasTitle(String title) {
		return hasMember("title", title);
	}

	/**
	 * @param detail the expected detail
	 * @return this
	 */
	public ProblemAssert hasDetail(String detail) {
		return hasMember("detail", detail);
	}

	/**
	 * @param texts what the detail is expected to contain, each of them
	 * @return this
	 */
	public ProblemAssert hasDetailContaining(String... texts) {
		isNotNull();
		String detail = this.actual.path("detail").asString("");
		for (String text : texts) {
			if (!detail.contains(text)) {
				failWithMessage("Expected the detail to contain <%s> but it was <%s> in %s", text, detail, this.body);
			}
		}
		return this;
	}

	/**
	 * @param instance the expected instance, the request path
	 * @return this
	 */
	public ProblemAssert hasInstance(String instance) {
		return hasMember("instance", instance);
	}

	/**
	 * @param field the field expected to be named as the one at fault
	 * @return this
	 */
	public ProblemAssert hasField(String field) {
		return hasMember("field", field);
	}

	/**
	 * @return this, when the problem names no single field
	 */
	public ProblemAssert hasNoField() {
		isNotNull();
		if (this.actual.has("field")) {
			failWithMessage("Expected no field but was %s in %s", this.actual.get("field"), this.body);
		}
		return this;
	}

	/**
	 * @param fields the fields expected in {@code errors}, in their order
	 * @return this
	 */
	public ProblemAssert hasErrorsFor(String... fields) {
		isNotNull();
		List<String> actualFields = new ArrayList<>();
		this.actual.path("errors").forEach((error) -> actualFields.add(error.path("field").asString()));
		if (!actualFields.equals(List.of(fields))) {
			failWithMessage("Expected errors for %s but were for %s in %s", List.of(fields), actualFields, this.body);
		}
		return this;
	}

	/**
	 * @return this, when the problem carries a trace id
	 */
	public ProblemAssert hasTraceId() {
		isNotNull();
		if (this.actual.path("traceId").asString("").isBlank()) {
			failWithMessage("Expected a traceId in %s", this.body);
		}
		return this;
	}

	/**
	 * @param name a member of the problem, such as {@code orderId}
	 * @param value its expected value, as it would be written in JSON ({@code null} when
	 * the problem has no such member)
	 * @return this
	 */
	public ProblemAssert hasMember(String name, Object value) {
		isNotNull();
		JsonNode member = this.actual.get(name);
		JsonNode expected = json.valueToTree(value);
		boolean absent = member == null || member.isNull();
		boolean same = (value == null) ? absent : !absent && (expected.equals(member)
				|| (expected.isValueNode() && member.isValueNode() && expected.asString().equals(member.asString())));
		if (!same) {
			failWithMessage("Expected %s to be <%s> but was <%s> in %s", name, expected, member, this.body);
		}
		return this;
	}

	/**
	 * Checks that no member but {@code instance} (the path the client asked for) repeats
	 * a text, such as a rejected value.
	 * @param text the text
	 * @return this
	 */
	public ProblemAssert doesNotMention(String text) {
		isNotNull();
		ObjectNode members = (ObjectNode) this.actual.deepCopy();
		members.remove("instance");
		if (members.toString().contains(text)) {
			failWithMessage("Expected the problem not to mention <%s> but it was %s", text, this.body);
		}
		return this;
	}

	/**
	 * @return this, when the problem has a type of the suite, a status, and a title and a
	 * detail that are not blank
	 */
	public ProblemAssert hasTheContractsMembers() {
		isNotNull();
		if (!this.actual.path("type").asString("").startsWith(TYPE_BASE) || !this.actual.path("status").isInt()
				|| this.actual.path("title").asString("").isBlank()
				|| this.actual.path("detail").asString("").isBlank()) {
			failWithMessage("Expected a problem with a type of %s..., a status, a title and a detail but was %s",
					TYPE_BASE, this.body);
		}
		return this;
	}

	/**
	 * @return this, when the body names no exception class and holds no stack trace
	 */
	public ProblemAssert leaksNothing() {
		isNotNull();
		if (EXCEPTION_NAME.matcher(this.body).find() || STACK_FRAME.matcher(this.body).find()
				|| this.actual.has("trace") || this.actual.has("exception")) {
			failWithMessage("Expected a problem without exception names or stack traces but was %s", this.body);
		}
		return this;
	}

	private static JsonNode parse(String body) {
		try {
			JsonNode node = json.readTree(body);
			if (node == null || !node.isObject() || !node.has("type") || !node.has("status")) {
				throw notAProblem("Expected a problem object with a type and a status but was: %s", body);
			}
			return node;
		}
		catch (tools.jackson.core.JacksonException ex) {
			throw notAProblem("Expected a JSON problem but was: %s", body);
		}
	}

	private static AssertionError notAProblem(String message, Object... arguments) {
		return new AssertionError(message.formatted(arguments));
	}

}
