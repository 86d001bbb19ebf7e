package io.github.openaistarter.tool;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;

import io.micrometer.observation.Observation;
import io.micrometer.observation.contextpropagation.ObservationThreadLocalAccessor;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import io.github.openaistarter.chat.model.ChatCompletion;
import io.github.openaistarter.chat.model.ChatCompletionChunk;
import io.github.openaistarter.chat.model.ChatCompletionRequest;
import io.github.openaistarter.chat.model.ChatMessage;
import io.github.openaistarter.chat.model.Tool;
import io.github.openaistarter.chat.model.ToolCall;
import io.github.openaistarter.chat.model.ToolMessage;
import io.github.openaistarter.chat.stream.ChatCompletionAccumulator;

import org.springframework.util.Assert;

/**
 * Runs a conversation with tools: calls the model, runs every tool call of its answer (in parallel, bounded),
 * sends the results back as {@code tool} messages in the order of the calls, and repeats until the model answers
 * without tool calls, or {@link ChatTools#maxRounds()} is reached. Every {@code tool_call_id} gets exactly one
 * answer. One implementation for every flavour: it takes the model as a function, so the operations'
 * {@code createWithTools} methods (blocking and reactive) are thin adapters over it.
 * <pre>{@code
 * ToolConversation answer = new ToolLoop(tools).run(request, chat::create).block();
 * }</pre>
 * The loop is one {@code openai.tool_loop} observation, parent of its model calls and of each tool call's
 * {@code gen_ai.execute_tool} observation.
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
	 * @param request the request: its messages start the conversation; the tools are added to its own
	 * @param model calls the model once (for example {@code reactiveChat::create})
	 * @return the final answer and the conversation; fails with a {@link ToolRoundsExceededException} or (with
	 * {@link ToolErrorHandling#ABORT}) a {@link ToolCallFailedException}, or as the model's call fails
	 * @throws IllegalArgumentException if the request asks for several choices or already offers a tool of the
	 * same name
	 */
	public Mono<ToolConversation> run(ChatCompletionRequest request,
			Function<ChatCompletionRequest, Mono<ChatCompletion>> model) {
		ChatCompletionRequest offered = offer(request);
		return Mono.deferContextual((context) -> {
			LoopObservation loop = LoopObservation.start(this.tools.observationRegistry(), context);
			return round(offered, request.messages(), 1, 0, loop.observation(), model)
				.doOnSuccess((conversation) -> loop.succeeded(conversation.rounds(), conversation.toolCalls()))
				.doOnError(loop::failed)
				.doOnCancel(loop::cancelled)
				.contextWrite((inner) -> inner.put(ObservationThreadLocalAccessor.KEY, loop.observation()));
		});
	}

	/**
	 * Runs the loop streamed: the chunks of every round reach the caller as they arrive (the text, and the
	 * tool-call fragments of the rounds that call tools); when a round ends with tool calls, the tools run and
	 * the next round's chunks follow, as one stream. Cancelling cancels the running tools (their threads are
	 * interrupted) and the HTTP exchange.
	 * @param request the request: its messages start the conversation; the tools are added to its own
	 * @param model streams the model's answer to one request (for example {@code reactiveChat::stream})
	 * @return the chunks of every round; fails like {@link #run(ChatCompletionRequest, Function)}
	 */
	public Flux<ChatCompletionChunk> stream(ChatCompletionRequest request,
			Function<ChatCompletionRequest, Flux<ChatCompletionChunk>> model) {
		ChatCompletionRequest offered = offer(request);
		return Flux.deferContextual((context) -> {
			LoopObservation loop = LoopObservation.start(this.tools.observationRegistry(), context);
			int[] counts = new int[2];
			return streamRound(offered, request.messages(), 1, loop.observation(), model, counts)
				.doOnComplete(() -> loop.succeeded(counts[0], counts[1]))
				.doOnError(loop::failed)
				.doOnCancel(loop::cancelled)
				.contextWrite((inner) -> inner.put(ObservationThreadLocalAccessor.KEY, loop.observation()));
		});
	}

	/**
	 * Adapts a blocking model call to {@link #run(ChatCompletionRequest, Function)}: the call runs on the thread
	 * that subscribes (the caller's, then the thread of the previous round's last tool), with the loop's
	 * observation current, so the call's observation is its child.
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
	 * Adapts a blocking stream of the model's answer to {@link #stream(ChatCompletionRequest, Function)}: each
	 * round's stream is read on Reactor's bounded elastic scheduler (so the caller's thread only reads the
	 * chunks), with the loop's observation current when it opens, and closed when the round ends or the loop is
	 * cancelled.
	 * @param stream streams the model's answer to one request (for example {@code chat::stream})
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

	private Flux<ChatCompletionChunk> streamRound(ChatCompletionRequest request, List<ChatMessage> messages,
			int round, Observation loop, Function<ChatCompletionRequest, Flux<ChatCompletionChunk>> model,
			int[] counts) {
		return Flux.defer(() -> {
			ChatCompletionAccumulator answer = new ChatCompletionAccumulator();
			Flux<ChatCompletionChunk> chunks = model.apply(request.mutate().messages(messages).build())
				.doOnNext(answer::add);
			return chunks.concatWith(Flux.defer(() -> {
				ChatCompletion completion = answer.toCompletion();
				List<ToolCall> calls = completion.message().toolCalls();
				counts[0] = round;
				if (calls.isEmpty()) {
					return Flux.empty();
				}
				if (round >= this.tools.maxRounds()) {
					return Flux.error(new ToolRoundsExceededException(this.tools.maxRounds(), messages, completion));
				}
				counts[1] += calls.size();
				List<ChatMessage> answered = append(messages, List.of(completion.message()));
				return execute(calls, loop, messages).flatMapMany(
						(results) -> streamRound(request, append(answered, results), round + 1, loop, model, counts));
			}));
		});
	}

	private Mono<List<ToolMessage>> execute(List<ToolCall> calls, Observation loop, List<ChatMessage> before) {
		return Flux.fromIterable(calls)
			.flatMapSequential((call) -> this.execution.run(call, loop), this.tools.maxParallel())
			.collectList()
			.onErrorMap(ToolExecution.Failure.class, (failure) -> failure.withConversation(before));
	}

	private Mono<ToolConversation> round(ChatCompletionRequest request, List<ChatMessage> messages, int round,
			int toolCalls, Observation loop, Function<ChatCompletionRequest, Mono<ChatCompletion>> model) {
		return model.apply(request.mutate().messages(messages).build()).flatMap((completion) -> {
			List<ChatMessage> answered = append(messages, List.of(completion.message()));
			List<ToolCall> calls = completion.message().toolCalls();
			if (calls.isEmpty()) {
				return Mono.just(new ToolConversation(completion, answered, round, toolCalls));
			}
			if (round >= this.tools.maxRounds()) {
				return Mono.error(new ToolRoundsExceededException(this.tools.maxRounds(), messages, completion));
			}
			return execute(calls, loop, messages).flatMap((results) -> round(request, append(answered, results),
					round + 1, toolCalls + calls.size(), loop, model));
		});
	}

	private ChatCompletionRequest offer(ChatCompletionRequest request) {
		Assert.notNull(request, "request must not be null");
		Object choices = request.get("n");
		Assert.isTrue(choices == null || Integer.valueOf(1).equals(choices),
				() -> "A tool loop follows one choice; the request asks for n=" + choices);
		List<Tool> offered = new ArrayList<>(toolsOf(request));
		Set<String> names = new LinkedHashSet<>();
		offered.stream().filter((tool) -> tool.function() != null).forEach((tool) -> names.add(tool.function().name()));
		for (Tool tool : this.tools.definitions()) {
			String name = tool.function().name();
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
