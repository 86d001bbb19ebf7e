package io.github.openaistarter.tool;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;

import io.micrometer.common.KeyValues;
import io.micrometer.observation.Observation;
import io.micrometer.observation.contextpropagation.ObservationThreadLocalAccessor;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.util.context.ContextView;

import io.github.openaistarter.chat.model.ChatCompletion;
import io.github.openaistarter.chat.model.ChatCompletionChunk;
import io.github.openaistarter.chat.model.ChatCompletionRequest;
import io.github.openaistarter.chat.model.ChatMessage;
import io.github.openaistarter.chat.model.FunctionDefinition;
import io.github.openaistarter.chat.model.Tool;
import io.github.openaistarter.chat.model.ToolCall;
import io.github.openaistarter.chat.stream.ChatCompletionAccumulator;
import io.github.openaistarter.tool.ToolObservationDocumentation.Keys;

import org.springframework.util.Assert;

/**
 * Runs a conversation with tools: calls the model, runs every tool call of its answer (in
 * parallel, bounded), sends the results back as {@code tool} messages in the order of the
 * calls, and repeats until the model answers without tool calls, or
 * {@link ChatTools#maxRounds()} is reached. Every {@code tool_call_id} gets exactly one
 * answer. One implementation for every flavour: it takes the model as a function, so the
 * operations' {@code createWithTools} methods (blocking and reactive) are thin adapters
 * over it. <pre>{@code
 * ToolConversation answer = new ToolLoop(tools).run(request, chat::create).block();
 * }</pre> The loop is one {@code openai.tool_loop} observation, parent of its model calls
 * and of each tool call's {@code gen_ai.execute_tool} observation.
 */
public final class ToolLoop {

	private final ChatTools tools;

	private final ToolExecution execution;

	/**
	 * Creates a loop over some tools.
	 * @param tools the tools and how they run
	 */
	public ToolLoop(ChatTools tools) {
		Assert.notNull(tools, "tools must not be null");
		this.tools = tools;
		this.execution = new ToolExecution(tools);
	}

	/**
	 * Runs the loop.
	 * @param request the request: its messages start the conversation; the tools are
	 * added to its own
	 * @param model calls the model once (for example {@code reactiveChat::create})
	 * @return the final answer and the conversation; fails with a
	 * {@link ToolRoundsExceededException} or (with {@link ToolErrorHandling#ABORT}) a
	 * {@link ToolCallFailedException}, or as the model's call fails
	 * @throws IllegalArgumentException if the request asks for several choices or already
	 * offers a tool of the same name
	 */
	public Mono<ToolConversation> run(ChatCompletionRequest request,
			Function<ChatCompletionRequest, Mono<ChatCompletion>> model) {
		ChatCompletionRequest offered = offer(request);
		return Mono.deferContextual((context) -> {
			EndingObservation loop = startLoop(context);
			return round(offered, request.messages(), 1, loop.observation(), model, request.messages().size())
				.doOnSuccess((conversation) -> loop.succeeded(counts(conversation.rounds(), conversation.toolCalls())))
				.doOnError(loop::failed)
				.doOnCancel(loop::cancelled)
				.contextWrite((inner) -> inner.put(ObservationThreadLocalAccessor.KEY, loop.observation()));
		});
	}

	/**
	 * Runs the loop streamed: the chunks of every round reach the caller as they arrive
	 * (the text, and the tool-call fragments of the rounds that call tools); when a round
	 * ends with tool calls, the tools run and the next round's chunks follow, as one
	 * stream. Cancelling cancels the running tools (their threads are interrupted) and
	 * the HTTP exchange.
	 * @param request the request: its messages start the conversation; the tools are
	 * added to its own
	 * @param model streams the model's answer to one request (for example
	 * {@code reactiveChat::stream})
	 * @return the chunks of every round; fails like
	 * {@link #run(ChatCompletionRequest, Function)}
	 */
	public Flux<ChatCompletionChunk> stream(ChatCompletionRequest request,
			Function<ChatCompletionRequest, Flux<ChatCompletionChunk>> model) {
		ChatCompletionRequest offered = offer(request);
		return Flux.deferContextual((context) -> {
			EndingObservation loop = startLoop(context);
			return streamRound(offered, request.messages(), 1, loop, model, request.messages().size())
				.doOnError(loop::failed)
				.doOnCancel(loop::cancelled)
				.contextWrite((inner) -> inner.put(ObservationThreadLocalAccessor.KEY, loop.observation()));
		});
	}

	/**
	 * Adapts a blocking model call to {@link #run(ChatCompletionRequest, Function)}: the
	 * call runs on the thread that subscribes (the caller's, then a thread of the tools'
	 * scheduler, in a task of its own after the previous round's last tool), with the
	 * loop's observation current, so the call's observation is its child.
	 * @param create calls the model once (for example {@code chat::create})
	 * @return the model as a function for the loop
	 */
	public static Function<ChatCompletionRequest, Mono<ChatCompletion>> blocking(
			Function<ChatCompletionRequest, ChatCompletion> create) {
		Assert.notNull(create, "create must not be null");
		return (request) -> Mono.deferContextual((context) -> {
			Observation loop = context.getOrDefault(ObservationThreadLocalAccessor.KEY, null);
			try (Observation.Scope scope = (loop != null) ? loop.openScope() : null) {
				return Mono.just(create.apply(request));
			}
		});
	}

	/**
	 * Adapts a blocking stream of the model's answer to
	 * {@link #stream(ChatCompletionRequest, Function)}: each round's stream is read on
	 * Reactor's bounded elastic scheduler (so the caller's thread only reads the chunks),
	 * with the loop's observation current when it opens, and closed when the round ends
	 * or the loop is cancelled.
	 * @param stream streams the model's answer to one request (for example
	 * {@code chat::stream})
	 * @return the model as a function for the loop
	 */
	public static Function<ChatCompletionRequest, Flux<ChatCompletionChunk>> blockingStream(
			Function<ChatCompletionRequest, Stream<ChatCompletionChunk>> stream) {
		Assert.notNull(stream, "stream must not be null");
		return (request) -> Flux.<ChatCompletionChunk>deferContextual((context) -> {
			Observation loop = context.getOrDefault(ObservationThreadLocalAccessor.KEY, null);
			try (Observation.Scope scope = (loop != null) ? loop.openScope() : null) {
				Stream<ChatCompletionChunk> chunks = stream.apply(request);
				return Flux.fromStream(chunks).doFinally((signal) -> chunks.close());
			}
		}).subscribeOn(Schedulers.boundedElastic());
	}

	private Flux<ChatCompletionChunk> streamRound(ChatCompletionRequest request, List<ChatMessage> messages, int round,
			EndingObservation loop, Function<ChatCompletionRequest, Flux<ChatCompletionChunk>> model, int given) {
		return Flux.defer(() -> {
			ChatCompletionAccumulator answer = new ChatCompletionAccumulator();
			Flux<ChatCompletionChunk> chunks = model.apply(request.mutate().messages(messages).build())
				.doOnNext(answer::add);
			return chunks.concatWith(Flux.defer(() -> {
				ChatCompletion completion = answer.toCompletion();
				return afterAnswer(completion, messages, round, loop.observation())
					.flatMapMany((next) -> streamRound(request, next, round + 1, loop, model, given))
					.switchIfEmpty(Flux.defer(() -> {
						ToolConversation done = conversation(completion, answered(completion, messages), given);
						loop.succeeded(counts(done.rounds(), done.toolCalls()));
						return Flux.empty();
					}));
			}));
		});
	}

	/**
	 * Runs the rounds, each the model's answer to the conversation so far, until one
	 * calls no tool.
	 */
	private Mono<ToolConversation> round(ChatCompletionRequest request, List<ChatMessage> messages, int round,
			Observation loop, Function<ChatCompletionRequest, Mono<ChatCompletion>> model, int given) {
		return model.apply(request.mutate().messages(messages).build())
			.flatMap((completion) -> afterAnswer(completion, messages, round, loop)
				.flatMap((next) -> round(request, next, round + 1, loop, model, given))
				.switchIfEmpty(
						Mono.fromSupplier(() -> conversation(completion, answered(completion, messages), given))));
	}

	/**
	 * What follows the model's answer in a round: nothing (empty) when it calls no tool;
	 * past the last round, a {@link ToolRoundsExceededException}; else the conversation
	 * with the answer and its tools' results.
	 */
	private Mono<List<ChatMessage>> afterAnswer(ChatCompletion completion, List<ChatMessage> messages, int round,
			Observation loop) {
		List<ToolCall> calls = completion.message().toolCalls();
		if (calls.isEmpty()) {
			return Mono.empty();
		}
		if (round >= this.tools.maxRounds()) {
			return Mono.error(new ToolRoundsExceededException(this.tools.maxRounds(), messages, completion));
		}
		return Flux.fromIterable(calls)
			.flatMapSequential((call) -> this.execution.run(call, loop), this.tools.maxParallel())
			.collectList()
			.onErrorMap(ToolExecution.Failure.class, (failure) -> failure.withConversation(messages))
			.map((results) -> append(answered(completion, messages), results));
	}

	private static List<ChatMessage> answered(ChatCompletion completion, List<ChatMessage> messages) {
		return append(messages, List.of(completion.message()));
	}

	/**
	 * The result of a loop, its rounds and tool calls counted from what it added to the
	 * conversation: an assistant message per round, a tool message per call.
	 */
	private static ToolConversation conversation(ChatCompletion completion, List<ChatMessage> messages, int given) {
		List<ChatMessage> added = messages.subList(given, messages.size());
		int rounds = (int) added.stream().filter((message) -> "assistant".equals(message.role())).count();
		int toolCalls = (int) added.stream().filter((message) -> "tool".equals(message.role())).count();
		return new ToolConversation(completion, messages, rounds, toolCalls);
	}

	private static KeyValues counts(int rounds, int toolCalls) {
		return KeyValues.of(Keys.ROUNDS.withValue(String.valueOf(rounds)),
				Keys.TOOL_CALLS.withValue(String.valueOf(toolCalls)));
	}

	/**
	 * Starts the loop's observation, as a child of the observation in the subscriber's
	 * Reactor context.
	 */
	private EndingObservation startLoop(ContextView context) {
		Observation loop = ToolObservationDocumentation.TOOL_LOOP.observation(this.tools.observationRegistry())
			.contextualName("tool_loop")
			.lowCardinalityKeyValue(Keys.ERROR_TYPE.withValue("none"));
		if (context.getOrDefault(ObservationThreadLocalAccessor.KEY, null) instanceof Observation parent) {
			loop.parentObservation(parent);
		}
		return new EndingObservation(loop);
	}

	private ChatCompletionRequest offer(ChatCompletionRequest request) {
		Assert.notNull(request, "request must not be null");
		Object choices = request.get("n");
		Assert.isTrue(choices == null || Integer.valueOf(1).equals(choices),
				() -> "A tool loop follows one choice; the request asks for n=" + choices);
		List<Tool> offered = new ArrayList<>(toolsOf(request));
		Set<String> names = new LinkedHashSet<>();
		offered.stream().map(Tool::function).filter(Objects::nonNull).forEach((function) -> names.add(function.name()));
		for (Tool tool : this.tools.definitions()) {
			FunctionDefinition function = tool.function();
			Assert.state(function != null, "The loop's tools are functions");
			String name = function.name();
			Assert.isTrue(names.add(name), () -> "The request already offers a tool named '" + name
					+ "'; the loop adds its own tools to the request's");
			offered.add(tool);
		}
		return request.mutate().tools(offered).build();
	}

	@SuppressWarnings("unchecked")
	private static List<Tool> toolsOf(ChatCompletionRequest request) {
		Object tools = request.get("tools");
		return (tools instanceof List<?> list) ? (List<Tool>) list : List.of();
	}

	private static <T> List<T> append(List<? extends T> first, List<? extends T> more) {
		List<T> all = new ArrayList<>(first.size() + more.size());
		all.addAll(first);
		all.addAll(more);
		return List.copyOf(all);
	}

}
