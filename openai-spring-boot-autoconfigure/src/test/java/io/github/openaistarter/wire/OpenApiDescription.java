package io.github.openaistarter.wire;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The official OpenAPI description of {@code ../shared/openai-spec/openapi.yaml}, read
 * once per test JVM. Without {@code ../shared} (a user's clone) the calling test is
 * skipped with the reason, unless {@code OPENAI_FAKE_REQUIRED=true} (set by
 * {@code .ci/run}), where that is a failure.
 */
final class OpenApiDescription {

	/**
	 * The six Chat Completions operations, by operation id, in the order of the API
	 * reference.
	 */
	static final List<String> CHAT_OPERATIONS = List.of("createChatCompletion", "listChatCompletions",
			"getChatCompletion", "updateChatCompletion", "deleteChatCompletion", "getChatCompletionMessages");

	private static volatile OpenApiDescription loaded;

	private final Path file;

	private final JsonNode root;

	private OpenApiDescription(Path file, JsonNode root) {
		this.file = file;
		this.root = root;
	}

	/**
	 * The description, read on first use.
	 * @return the description
	 */
	static OpenApiDescription load() {
		OpenApiDescription description = loaded;
		if (description == null) {
			synchronized (OpenApiDescription.class) {
				description = loaded;
				if (description == null) {
					description = read(SharedDirectory.require("openai-spec/openapi.yaml"));
					loaded = description;
				}
			}
		}
		return description;
	}

	private static OpenApiDescription read(Path file) {
		// SnakeYAML (YAML 1.1, from spring-boot-starter-test) reads the document as
		// published; the document is
		// close to the default limit of 3 MB, so allow it to grow
		LoaderOptions options = new LoaderOptions();
		options.setCodePointLimit(64 * 1024 * 1024);
		options.setMaxAliasesForCollections(1000);
		try (Reader reader = Files.newBufferedReader(file)) {
			Object document = new Yaml(new SafeConstructor(options)).load(reader);
			return new OpenApiDescription(file, JsonMapper.builder().build().valueToTree(document));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read " + file, ex);
		}
	}

	/**
	 * Where the description was read from.
	 * @return the file
	 */
	Path file() {
		return this.file;
	}

	/**
	 * A schema of {@code components/schemas}.
	 * @param name the schema name, for example {@code CreateChatCompletionResponse}
	 * @return the schema
	 * @throws IllegalArgumentException if the description has no such schema
	 */
	JsonNode schema(String name) {
		JsonNode schema = this.root.path("components").path("schemas").path(name);
		if (schema.isMissingNode()) {
			throw new IllegalArgumentException("The description has no schema " + name);
		}
		return schema;
	}

	/**
	 * Follows {@code $ref}s until a node that is not one.
	 * @param node a schema or a reference to one
	 * @return the schema
	 */
	JsonNode resolve(JsonNode node) {
		JsonNode current = node;
		for (int i = 0; i < 32 && refName(current) != null; i++) {
			current = schema(refName(current));
		}
		return current;
	}

	/**
	 * The schema name a {@code $ref} points to.
	 * @param node a schema node
	 * @return the name, or {@code null} when the node is no local schema reference
	 */
	static String refName(JsonNode node) {
		String ref = node.path("$ref").asString(null);
		String prefix = "#/components/schemas/";
		return (ref != null && ref.startsWith(prefix)) ? ref.substring(prefix.length()) : null;
	}

	/**
	 * An operation by its id, with its path and method.
	 * @param operationId for example {@code listChatCompletions}
	 * @return the operation
	 * @throws IllegalArgumentException if the description has no such operation
	 */
	Operation operation(String operationId) {
		for (Map.Entry<String, JsonNode> path : this.root.path("paths").properties()) {
			for (Map.Entry<String, JsonNode> method : path.getValue().properties()) {
				if (operationId.equals(method.getValue().path("operationId").asString(null))) {
					return new Operation(operationId, method.getKey(), path.getKey(), method.getValue());
				}
			}
		}
		throw new IllegalArgumentException("The description has no operation " + operationId);
	}

	/**
	 * One operation of the description.
	 *
	 * @param id the operation id
	 * @param method the HTTP method, lower case
	 * @param path the path template
	 * @param node the operation object
	 */
	record Operation(String id, String method, String path, JsonNode node) {

		/**
		 * The examples of the operation's {@code x-oaiMeta}: one object, or a list of
		 * titled ones.
		 * @return the examples, each with its title ({@code id} for an untitled one)
		 */
		List<Example> examples() {
			JsonNode examples = this.node.path("x-oaiMeta").path("examples");
			List<Example> result = new ArrayList<>();
			if (examples.isArray()) {
				for (JsonNode example : examples) {
					result.add(new Example(this.id, example.path("title").asString(this.id), example));
				}
			}
			else if (examples.isObject()) {
				result.add(new Example(this.id, this.id, examples));
			}
			return result;
		}

	}

	/**
	 * One example of an operation: a request (as a curl command and SDK snippets) and a
	 * response.
	 *
	 * @param operationId the operation it belongs to
	 * @param title its title
	 * @param node the example object
	 */
	record Example(String operationId, String title, JsonNode node) {

		/**
		 * The response text: one JSON document, or for streams several, separated by
		 * blank lines.
		 * @return the text, or {@code null} when the example has none
		 */
		String response() {
			return this.node.path("response").asString(null);
		}

		/**
		 * The curl command of the request.
		 * @return the command, or {@code null} when the example has none
		 */
		String curl() {
			return this.node.path("request").path("curl").asString(null);
		}

		@Override
		public String toString() {
			return this.operationId + " / " + this.title;
		}

	}

}
