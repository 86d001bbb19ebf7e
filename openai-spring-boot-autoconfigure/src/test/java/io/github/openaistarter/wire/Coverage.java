package io.github.openaistarter.wire;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Which properties of the description one root schema reaches, and whether our types
 * cover each: a request property is covered when some request we build writes it; a
 * response property when our types read it at every place it occurs. Properties on the
 * {@link LeftOutProperties} list are counted apart and not descended into.
 */
final class Coverage {

	enum Status {

		COVERED, MISSING, LEFT_OUT

	}

	private final String root;

	private final boolean everyPlace;

	private final Map<String, Status> statuses = new LinkedHashMap<>();

	private final Map<String, String> missingRoutes = new LinkedHashMap<>();

	/**
	 * Starts the coverage of a root schema.
	 * @param root the root schema name
	 * @param everyPlace whether a property must be covered at every place it occurs
	 * (responses) or at one (requests)
	 */
	Coverage(String root, boolean everyPlace) {
		this.root = root;
		this.everyPlace = everyPlace;
	}

	String root() {
		return this.root;
	}

	/**
	 * Records one place of a property.
	 * @param key the property's key, {@code Schema.path}
	 * @param route where it was met, for the failure message
	 * @param covered whether our types cover it there
	 */
	void record(String key, String route, boolean covered) {
		if (this.statuses.get(key) == Status.LEFT_OUT) {
			return;
		}
		Status previous = this.statuses.get(key);
		Status status = covered ? Status.COVERED : Status.MISSING;
		if (previous != null && previous != status) {
			status = this.everyPlace ? Status.MISSING : Status.COVERED;
		}
		this.statuses.put(key, status);
		if (status == Status.MISSING) {
			this.missingRoutes.putIfAbsent(key, route);
		}
		else {
			this.missingRoutes.remove(key);
		}
	}

	/**
	 * Records a property that is deliberately left out.
	 * @param key the property's key
	 */
	void leftOut(String key) {
		this.statuses.put(key, Status.LEFT_OUT);
		this.missingRoutes.remove(key);
	}

	boolean contains(String key) {
		return this.statuses.containsKey(key);
	}

	/**
	 * The properties our types do not cover, each with a route where it was met.
	 * @return {@code key (at route)} lines
	 */
	List<String> missing() {
		List<String> missing = new ArrayList<>();
		this.missingRoutes.forEach((key, route) -> missing.add(key + "  (at " + route + ")"));
		return missing;
	}

	int total() {
		return this.statuses.size();
	}

	int count(Status status) {
		return (int) this.statuses.values().stream().filter((each) -> each == status).count();
	}

	/**
	 * Covered and total properties per owning schema, sorted by name.
	 * @return schema name to {@code {covered, total, leftOut}}
	 */
	Map<String, int[]> bySchema() {
		Map<String, int[]> counts = new TreeMap<>();
		this.statuses.forEach((key, status) -> {
			int[] count = counts.computeIfAbsent(key.substring(0, key.indexOf('.')), (schema) -> new int[3]);
			count[0] += (status == Status.COVERED) ? 1 : 0;
			count[1]++;
			count[2] += (status == Status.LEFT_OUT) ? 1 : 0;
		});
		return counts;
	}

	/**
	 * A summary line, for example {@code CreateChatCompletionResponse: 80/80 covered}.
	 * @return the line
	 */
	String summary() {
		int leftOut = count(Status.LEFT_OUT);
		return String.format("%-36s %3d/%3d covered%s", this.root, count(Status.COVERED), total(),
				(leftOut > 0) ? ", " + leftOut + " deliberately left out" : "");
	}

}
