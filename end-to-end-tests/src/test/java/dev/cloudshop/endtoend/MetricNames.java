package dev.cloudshop.endtoend;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The metric names that PromQL queries read: those of the Grafana dashboards under
 * {@code observability/grafana/dashboards} and of the recording rules, and those a
 * service's {@code /actuator/prometheus} scrape offers. The same reading as
 * {@code scripts/check-observability.sh} makes of the dashboards.
 */
final class MetricNames {

	/** Strings, label matchers, ranges and grouping labels hold no metric name. */
	private static final Pattern STRING = Pattern.compile("\"(?:\\\\.|[^\"\\\\])*\"|'(?:\\\\.|[^'\\\\])*'|`[^`]*`");

	private static final Pattern MATCHERS = Pattern.compile("\\{[^}]*}");

	private static final Pattern RANGE = Pattern.compile("\\[[^\\]]*]");

	private static final Pattern GROUPING = Pattern
		.compile("\\b(?:by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)");

	/** A name that is not part of a longer one and not a function or aggregation. */
	private static final Pattern NAME = Pattern.compile("(?<![\\w.:])([A-Za-z_:][\\w:]*)(?![\\w:])(?!\\s*\\()");

	private static final Set<String> KEYWORDS = Set.of("by", "without", "on", "ignoring", "group_left", "group_right",
			"bool", "and", "or", "unless", "offset", "inf", "nan", "start", "end");

	/** Grafana's interval variables, which stand where PromQL wants a duration. */
	private static final Pattern INTERVAL_VARIABLE = Pattern.compile("\\$\\{?(__rate_interval|__interval|__range)}?");

	private static final Pattern VARIABLE = Pattern.compile("\\$\\{?\\w+(?::\\w+)?}?");

	private static final Pattern LABEL_VALUES = Pattern.compile("\\s*label_values\\((.*),\\s*\\w+\\s*\\)\\s*");

	private static final Pattern SAMPLE = Pattern.compile("^([A-Za-z_:][\\w:]*)[{ ]", Pattern.MULTILINE);

	private static final JsonMapper json = JsonMapper.builder().build();

	private MetricNames() {
	}

	/**
	 * The metric names one PromQL expression reads, Grafana's variables allowed.
	 */
	static Set<String> in(String promql) {
		String text = INTERVAL_VARIABLE.matcher(promql).replaceAll("5m");
		text = VARIABLE.matcher(text).replaceAll("x");
		text = STRING.matcher(text).replaceAll("\"\"");
		text = MATCHERS.matcher(text).replaceAll(" ");
		text = RANGE.matcher(text).replaceAll(" ");
		text = GROUPING.matcher(text).replaceAll(" ");
		Set<String> names = new TreeSet<>();
		Matcher matcher = NAME.matcher(text);
		while (matcher.find()) {
			if (!KEYWORDS.contains(matcher.group(1))) {
				names.add(matcher.group(1));
			}
		}
		return names;
	}

	/**
	 * Every metric name the dashboards of a directory read: their panels' queries and the
	 * series their {@code label_values(selector, label)} variables look at.
	 */
	static Set<String> usedByDashboards(Path directory) {
		Set<String> names = new TreeSet<>();
		for (Path file : files(directory)) {
			JsonNode dashboard = json.readTree(read(file));
			queries(dashboard.path("panels"), names);
			for (JsonNode variable : dashboard.path("templating").path("list")) {
				JsonNode query = variable.path("query");
				String text = query.isObject() ? query.path("query").asString("") : query.asString("");
				Matcher selector = LABEL_VALUES.matcher(text);
				if (selector.matches()) {
					names.addAll(in(selector.group(1)));
				}
			}
		}
		return names;
	}

	/**
	 * Every metric name the rules of a Prometheus rule file read (recorded names
	 * included, where a rule reads another's result).
	 */
	@SuppressWarnings("unchecked")
	static Set<String> usedByRules(Path ruleFile) {
		Map<String, Object> rules = new Yaml().load(read(ruleFile));
		Set<String> names = new TreeSet<>();
		for (Map<String, Object> group : (List<Map<String, Object>>) rules.get("groups")) {
			for (Map<String, Object> rule : (List<Map<String, Object>>) group.get("rules")) {
				names.addAll(in(String.valueOf(rule.get("expr"))));
			}
		}
		return names;
	}

	/**
	 * The names of the samples of a scrape in Prometheus' text format ({@code #} lines
	 * left out): {@code orders_completed_total},
	 * {@code order_saga_duration_seconds_bucket}.
	 */
	static Set<String> inScrape(String scrape) {
		Set<String> names = new TreeSet<>();
		Matcher matcher = SAMPLE.matcher(scrape);
		while (matcher.find()) {
			names.add(matcher.group(1));
		}
		return names;
	}

	private static void queries(JsonNode panels, Set<String> names) {
		for (JsonNode panel : panels) {
			for (JsonNode target : panel.path("targets")) {
				String expr = target.path("expr").asString("");
				if (!expr.isBlank()) {
					names.addAll(in(expr));
				}
			}
			queries(panel.path("panels"), names);
		}
	}

	private static List<Path> files(Path directory) {
		try (Stream<Path> files = Files.list(directory)) {
			return new ArrayList<>(files.filter((file) -> file.toString().endsWith(".json")).sorted().toList());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static String read(Path file) {
		try {
			return Files.readString(file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
