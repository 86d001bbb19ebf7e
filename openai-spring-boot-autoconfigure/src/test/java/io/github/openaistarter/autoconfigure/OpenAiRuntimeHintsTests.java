package io.github.openaistarter.autoconfigure;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.lang.reflect.WildcardType;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import io.github.openaistarter.chat.model.ChatCompletion;
import io.github.openaistarter.chat.model.ChatCompletionChunk;
import io.github.openaistarter.chat.model.ChatCompletionDeleted;
import io.github.openaistarter.chat.model.Page;
import io.github.openaistarter.chat.model.StoredMessage;
import io.github.openaistarter.core.OpenAiError;
import io.github.openaistarter.tool.OpenAiTool;

import org.springframework.aot.hint.MemberCategory;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.RuntimeHintsRegistrar;
import org.springframework.aot.hint.annotation.ReflectiveRuntimeHintsRegistrar;
import org.springframework.aot.hint.predicate.RuntimeHintsPredicates;
import org.springframework.core.io.support.SpringFactoriesLoader;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The AOT hints: every type of the model package, and every type of ours that the answers
 * reach through their components and fields, is kept for Jackson's reflection; the
 * registrar is listed in {@code aot.factories}. A model type added elsewhere without
 * hints fails here.
 */
class OpenAiRuntimeHintsTests {

	private final RuntimeHints hints = new RuntimeHints();

	OpenAiRuntimeHintsTests() {
		new OpenAiRuntimeHints().registerHints(this.hints, getClass().getClassLoader());
	}

	@Test
	void everyTypeOfTheModelPackageIsKeptForJackson() throws Exception {
		List<Class<?>> types = modelPackageTypes();
		assertThat(types).hasSizeGreaterThan(50);
		assertThat(types).allSatisfy(this::assertKept);
	}

	@Test
	void everyTypeOfOursThatAnAnswerReachesIsKept() throws ClassNotFoundException {
		Set<Class<?>> reached = reachedFrom(ChatCompletion.class, ChatCompletionChunk.class, Page.class,
				StoredMessage.class, ChatCompletionDeleted.class, OpenAiError.class,
				Class.forName("io.github.openaistarter.chat.structured.StructuredOutput$ListAnswer"));
		assertThat(reached).hasSizeGreaterThan(20).allSatisfy(this::assertKept);
	}

	@Test
	void toolMethodsOfBeansAreKeptForInvocation() {
		RuntimeHints hints = new RuntimeHints();
		new ReflectiveRuntimeHintsRegistrar().registerRuntimeHints(hints, WeatherTools.class);
		assertThat(RuntimeHintsPredicates.reflection().onMethodInvocation(WeatherTools.class, "weather"))
			.accepts(hints);
		assertThat(RuntimeHintsPredicates.reflection().onMethodInvocation(WeatherTools.class, "notATool"))
			.rejects(hints);
	}

	@Test
	void theSharedBudgetScriptIsKept() {
		RuntimeHints hints = new RuntimeHints();
		new OpenAiRuntimeHints().registerHints(hints, getClass().getClassLoader());
		assertThat(RuntimeHintsPredicates.resource().forResource(OpenAiRuntimeHints.SHARED_BUDGET_SCRIPT))
			.accepts(hints);
		assertThat(getClass().getClassLoader().getResource(OpenAiRuntimeHints.SHARED_BUDGET_SCRIPT)).isNotNull();
	}

	@Test
	void theRegistrarIsListedInAotFactories() {
		assertThat(SpringFactoriesLoader.forResourceLocation("META-INF/spring/aot.factories")
			.load(RuntimeHintsRegistrar.class)).hasAtLeastOneElementOfType(OpenAiRuntimeHints.class);
	}

	private void assertKept(Class<?> type) {
		assertThat(RuntimeHintsPredicates.reflection()
			.onType(type)
			.withMemberCategories(MemberCategory.INVOKE_DECLARED_CONSTRUCTORS, MemberCategory.INVOKE_DECLARED_METHODS))
			.as("reflection hints for %s", type.getName())
			.accepts(this.hints);
	}

	/**
	 * The compiled types of the model package, listed from the class files, not from the
	 * registrar's scan.
	 */
	private static List<Class<?>> modelPackageTypes() throws IOException, URISyntaxException, ClassNotFoundException {
		Path root = Path.of(ChatCompletion.class.getProtectionDomain().getCodeSource().getLocation().toURI());
		Path folder = root.resolve(ChatCompletion.class.getPackageName().replace('.', '/'));
		List<Class<?>> types = new ArrayList<>();
		try (Stream<Path> files = Files.list(folder)) {
			for (Path file : files.filter((path) -> path.toString().endsWith(".class")).toList()) {
				String name = file.getFileName().toString().replace(".class", "");
				if (!name.equals("package-info")) {
					types.add(Class.forName(ChatCompletion.class.getPackageName() + "." + name));
				}
			}
		}
		return types;
	}

	/**
	 * Our types reached from some roots through record components, fields and their type
	 * arguments.
	 */
	private static Set<Class<?>> reachedFrom(Class<?>... roots) {
		Set<Class<?>> reached = new LinkedHashSet<>();
		Deque<Type> pending = new ArrayDeque<>(List.of(roots));
		while (!pending.isEmpty()) {
			Type type = pending.pop();
			if (type instanceof ParameterizedType parameterized) {
				pending.push(parameterized.getRawType());
				List.of(parameterized.getActualTypeArguments()).forEach(pending::push);
			}
			else if (type instanceof GenericArrayType array) {
				pending.push(array.getGenericComponentType());
			}
			else if (type instanceof WildcardType wildcard) {
				List.of(wildcard.getUpperBounds()).forEach(pending::push);
			}
			else if (type instanceof Class<?> ours && ours.getName().startsWith("io.github.openaistarter.")
					&& reached.add(ours)) {
				if (ours.isRecord()) {
					for (RecordComponent component : ours.getRecordComponents()) {
						pending.push(component.getGenericType());
					}
				}
				for (Field field : ours.getDeclaredFields()) {
					if (!Modifier.isStatic(field.getModifiers())) {
						pending.push(field.getGenericType());
					}
				}
			}
		}
		return reached;
	}

	static class WeatherTools {

		@OpenAiTool(description = "The weather in a city")
		public String weather(String city) {
			return "sunny in " + city;
		}

		public String notATool() {
			return "";
		}

	}

}
