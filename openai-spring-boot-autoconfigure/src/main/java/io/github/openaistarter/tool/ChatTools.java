package io.github.openaistarter.tool;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import io.micrometer.observation.ObservationRegistry;
import org.jspecify.annotations.Nullable;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

import io.github.openaistarter.chat.model.Tool;

import org.springframework.util.Assert;

/**
 * The tools a conversation may use, by name, and how the {@link ToolLoop loop} runs them:
 * at most {@link #maxRounds()} calls of the model, each tool call bounded by
 * {@link #toolTimeout()}, the calls of one answer run in parallel ({@link #maxParallel()}
 * at a time), failures {@link ToolErrorHandling reported to the model} or aborting.
 * Immutable: the {@code with...} methods return a changed copy. <pre>{@code
 * ChatTools tools = ChatTools.from(weatherTools, calendarTools).withMaxRounds(5);
 * ToolConversation answer = chat.createWithTools(request, tools);
 * }</pre> In a Spring Boot application, inject the auto-configured bean: it holds the
 * tools of every bean's {@link OpenAiTool @OpenAiTool} methods and the
 * {@code openai.tools.*} settings, and observes each tool call.
 */
public final class ChatTools {

	/** The default bound on the model calls of one loop. */
	public static final int DEFAULT_MAX_ROUNDS = 10;

	/** The default bound on one tool call. */
	public static final Duration DEFAULT_TOOL_TIMEOUT = Duration.ofSeconds(30);

	/** The default number of tool calls of one answer that run at once. */
	public static final int DEFAULT_MAX_PARALLEL = 8;

	private static final Settings DEFAULTS = new Settings(DEFAULT_MAX_ROUNDS, DEFAULT_TOOL_TIMEOUT,
			DEFAULT_MAX_PARALLEL, ToolErrorHandling.REPORT_TO_MODEL, ObservationRegistry.NOOP, false, null);

	private final Map<String, ChatTool> tools;

	private final Settings settings;

	private ChatTools(Map<String, ChatTool> tools, Settings settings) {
		this.tools = tools;
		this.settings = settings;
	}

	/**
	 * Some tools, with the default settings.
	 * @param tools the tools, with distinct names
	 * @return the tools
	 * @throws IllegalArgumentException if two tools have the same name
	 */
	public static ChatTools of(ChatTool... tools) {
		return of(Arrays.asList(tools));
	}

	/**
	 * Some tools, with the default settings.
	 * @param tools the tools, with distinct names
	 * @return the tools
	 * @throws IllegalArgumentException if two tools have the same name
	 */
	public static ChatTools of(Collection<ChatTool> tools) {
		Assert.notNull(tools, "tools must not be null");
		Map<String, ChatTool> byName = new LinkedHashMap<>();
		for (ChatTool tool : tools) {
			Assert.notNull(tool, "a tool must not be null");
			ChatTool existing = byName.putIfAbsent(tool.name(), tool);
			Assert.isTrue(existing == null, () -> "Two tools are named '" + tool.name() + "': " + existing + " and "
					+ tool + "; give one another name (@OpenAiTool(name = ...))");
		}
		return new ChatTools(java.util.Collections.unmodifiableMap(byName), DEFAULTS);
	}

	/**
	 * The tools of objects' {@link OpenAiTool @OpenAiTool} methods, with the default
	 * settings.
	 * @param targets the objects
	 * @return the tools
	 * @throws IllegalArgumentException if an object has no tool method, a method cannot
	 * be a tool, or two tools have the same name
	 */
	public static ChatTools from(Object... targets) {
		List<ChatTool> tools = new ArrayList<>();
		for (Object target : targets) {
			Assert.notNull(target, "a target must not be null");
			List<ChatTool> found = MethodTools.of(target.getClass(), () -> target);
			Assert.isTrue(!found.isEmpty(), () -> target.getClass().getName() + " has no @OpenAiTool method");
			tools.addAll(found);
		}
		return of(tools);
	}

	/**
	 * The tools of a class's {@link OpenAiTool @OpenAiTool} methods, run on an object
	 * looked up at each call (so that a Spring bean can be resolved late), with the
	 * default settings.
	 * @param type the class (its user class is read, not a proxy's)
	 * @param target supplies the object the methods run on
	 * @return the tools, none when the class has no tool method
	 * @throws IllegalArgumentException if a method cannot be a tool or two tools have the
	 * same name
	 */
	public static ChatTools fromMethods(Class<?> type, Supplier<?> target) {
		Assert.notNull(type, "type must not be null");
		Assert.notNull(target, "target must not be null");
		return of(MethodTools.of(type, target::get));
	}

	/**
	 * These tools and more, with these settings.
	 * @param more the other tools
	 * @return the tools
	 * @throws IllegalArgumentException if a name is taken
	 */
	public ChatTools and(ChatTool... more) {
		List<ChatTool> all = new ArrayList<>(this.tools.values());
		all.addAll(Arrays.asList(more));
		return of(all).with(this.settings);
	}

	/**
	 * Some of these tools, with these settings: to offer a conversation only what it
	 * needs.
	 * @param names the names of the tools to keep
	 * @return the tools
	 * @throws IllegalArgumentException if a name is not one of these tools
	 */
	public ChatTools only(String... names) {
		List<ChatTool> kept = new ArrayList<>();
		for (String name : names) {
			ChatTool tool = this.tools.get(name);
			Assert.isTrue(tool != null, () -> "There is no tool named '" + name + "'; the tools are " + names());
			kept.add(tool);
		}
		return of(kept).with(this.settings);
	}

	/**
	 * A tool by name.
	 * @param name the function name
	 * @return the tool, or {@code null}
	 */
	public @Nullable ChatTool get(String name) {
		return this.tools.get(name);
	}

	/**
	 * The tools, in the order they were given.
	 * @return the tools
	 */
	public List<ChatTool> all() {
		return List.copyOf(this.tools.values());
	}

	/**
	 * The names of the tools, in the order they were given.
	 * @return the names
	 */
	public List<String> names() {
		return List.copyOf(this.tools.keySet());
	}

	/**
	 * The tools as the request's {@code tools} list carries them.
	 * @return the definitions, in order
	 */
	public List<Tool> definitions() {
		return this.tools.values().stream().map(ChatTool::definition).toList();
	}

	/**
	 * Whether there are no tools.
	 * @return whether it is empty
	 */
	public boolean isEmpty() {
		return this.tools.isEmpty();
	}

	/**
	 * The bound on the model calls of one loop: when the model still asks for tools in
	 * its answer to the last one, the loop fails with a
	 * {@link ToolRoundsExceededException}.
	 * @return the bound, at least 1
	 */
	public int maxRounds() {
		return this.settings.maxRounds;
	}

	/**
	 * The bound on one tool call; past it the call is cancelled (its thread interrupted)
	 * and fails.
	 * @return the timeout
	 */
	public Duration toolTimeout() {
		return this.settings.toolTimeout;
	}

	/**
	 * How many tool calls of one answer run at once.
	 * @return at least 1
	 */
	public int maxParallel() {
		return this.settings.maxParallel;
	}

	/**
	 * What a failed tool call does.
	 * @return the handling
	 */
	public ToolErrorHandling errorHandling() {
		return this.settings.errorHandling;
	}

	/**
	 * A copy with another bound on the model calls of one loop.
	 * @param maxRounds at least 1
	 * @return the copy
	 */
	public ChatTools withMaxRounds(int maxRounds) {
		Assert.isTrue(maxRounds >= 1, "maxRounds must be at least 1");
		return with(this.settings.withMaxRounds(maxRounds));
	}

	/**
	 * A copy with another bound on one tool call.
	 * @param toolTimeout a positive duration
	 * @return the copy
	 */
	public ChatTools withToolTimeout(Duration toolTimeout) {
		Assert.isTrue(toolTimeout != null && !toolTimeout.isNegative() && !toolTimeout.isZero(),
				"toolTimeout must be positive");
		return with(this.settings.withToolTimeout(toolTimeout));
	}

	/**
	 * A copy that runs another number of tool calls at once.
	 * @param maxParallel at least 1
	 * @return the copy
	 */
	public ChatTools withMaxParallel(int maxParallel) {
		Assert.isTrue(maxParallel >= 1, "maxParallel must be at least 1");
		return with(this.settings.withMaxParallel(maxParallel));
	}

	/**
	 * A copy that handles failed tool calls another way.
	 * @param errorHandling the handling
	 * @return the copy
	 */
	public ChatTools withErrorHandling(ToolErrorHandling errorHandling) {
		Assert.notNull(errorHandling, "errorHandling must not be null");
		return with(this.settings.withErrorHandling(errorHandling));
	}

	/**
	 * A copy that observes the loop and each tool call.
	 * @param registry the observation registry
	 * @param includeContent whether the tool calls' arguments and results go on the
	 * observations (they may hold personal data)
	 * @return the copy
	 */
	public ChatTools withObservations(ObservationRegistry registry, boolean includeContent) {
		Assert.notNull(registry, "registry must not be null");
		return with(this.settings.withObservations(registry, includeContent));
	}

	/**
	 * A copy that runs the tools' code on another scheduler (by default Reactor's bounded
	 * elastic scheduler, never an event-loop thread).
	 * @param scheduler the scheduler
	 * @return the copy
	 */
	public ChatTools withScheduler(Scheduler scheduler) {
		Assert.notNull(scheduler, "scheduler must not be null");
		return with(this.settings.withScheduler(scheduler));
	}

	ObservationRegistry observationRegistry() {
		return this.settings.registry;
	}

	boolean includeContent() {
		return this.settings.includeContent;
	}

	Scheduler scheduler() {
		return (this.settings.scheduler != null) ? this.settings.scheduler : Schedulers.boundedElastic();
	}

	private ChatTools with(Settings settings) {
		return new ChatTools(this.tools, settings);
	}

	@Override
	public String toString() {
		return "ChatTools" + names();
	}

	private record Settings(int maxRounds, Duration toolTimeout, int maxParallel, ToolErrorHandling errorHandling,
			ObservationRegistry registry, boolean includeContent, @Nullable Scheduler scheduler) {

		Settings withMaxRounds(int maxRounds) {
			return new Settings(maxRounds, this.toolTimeout, this.maxParallel, this.errorHandling, this.registry,
					this.includeContent, this.scheduler);
		}

		Settings withToolTimeout(Duration toolTimeout) {
			return new Settings(this.maxRounds, toolTimeout, this.maxParallel, this.errorHandling, this.registry,
					this.includeContent, this.scheduler);
		}

		Settings withMaxParallel(int maxParallel) {
			return new Settings(this.maxRounds, this.toolTimeout, maxParallel, this.errorHandling, this.registry,
					this.includeContent, this.scheduler);
		}

		Settings withErrorHandling(ToolErrorHandling errorHandling) {
			return new Settings(this.maxRounds, this.toolTimeout, this.maxParallel, errorHandling, this.registry,
					this.includeContent, this.scheduler);
		}

		Settings withObservations(ObservationRegistry registry, boolean includeContent) {
			return new Settings(this.maxRounds, this.toolTimeout, this.maxParallel, this.errorHandling, registry,
					includeContent, this.scheduler);
		}

		Settings withScheduler(Scheduler scheduler) {
			return new Settings(this.maxRounds, this.toolTimeout, this.maxParallel, this.errorHandling, this.registry,
					this.includeContent, scheduler);
		}

	}

}
