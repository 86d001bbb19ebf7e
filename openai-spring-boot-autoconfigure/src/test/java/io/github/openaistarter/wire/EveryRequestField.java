package io.github.openaistarter.wire;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.github.openaistarter.chat.model.AssistantAudio;
import io.github.openaistarter.chat.model.AssistantMessage;
import io.github.openaistarter.chat.model.AudioOutput;
import io.github.openaistarter.chat.model.AudioPart;
import io.github.openaistarter.chat.model.ChatCompletionRequest;
import io.github.openaistarter.chat.model.ChatMessage;
import io.github.openaistarter.chat.model.ContentPart;
import io.github.openaistarter.chat.model.CustomToolCall;
import io.github.openaistarter.chat.model.CustomToolDefinition;
import io.github.openaistarter.chat.model.DeveloperMessage;
import io.github.openaistarter.chat.model.FilePart;
import io.github.openaistarter.chat.model.FunctionCall;
import io.github.openaistarter.chat.model.FunctionDefinition;
import io.github.openaistarter.chat.model.ImagePart;
import io.github.openaistarter.chat.model.ModerationOptions;
import io.github.openaistarter.chat.model.Prediction;
import io.github.openaistarter.chat.model.PromptCacheBreakpoint;
import io.github.openaistarter.chat.model.PromptCacheOptions;
import io.github.openaistarter.chat.model.ReasoningEffort;
import io.github.openaistarter.chat.model.ResponseFormat;
import io.github.openaistarter.chat.model.ServiceTier;
import io.github.openaistarter.chat.model.StreamOptions;
import io.github.openaistarter.chat.model.SystemMessage;
import io.github.openaistarter.chat.model.TextPart;
import io.github.openaistarter.chat.model.Tool;
import io.github.openaistarter.chat.model.ToolCall;
import io.github.openaistarter.chat.model.ToolChoice;
import io.github.openaistarter.chat.model.ToolMessage;
import io.github.openaistarter.chat.model.Verbosity;
import io.github.openaistarter.chat.model.WebSearchOptions;

/**
 * Requests that together use every builder method and factory of the request types, each
 * form of the fields that take several (every message role and content part, every tool
 * kind and {@code tool_choice}, every {@code response_format}, both voice forms, both
 * prediction forms). The model coverage test sends them through the client and checks
 * that the bodies reach every property of {@code CreateChatCompletionRequest}.
 */
final class EveryRequestField {

	private static final Map<String, Object> WEATHER_SCHEMA = Map.of("type", "object", "properties",
			Map.of("city", Map.of("type", "string")), "required", List.of("city"), "additionalProperties", false);

	private EveryRequestField() {
	}

	/**
	 * Requests for {@code create}: one with every field set, then one per further form of
	 * a field.
	 * @return the requests
	 */
	@SuppressWarnings("deprecation")
	static List<ChatCompletionRequest> forCreate() {
		ChatCompletionRequest everything = ChatCompletionRequest.builder()
			.model("gpt-4.1-mini")
			.messages(everyMessage())
			.store(true)
			.metadata(Map.of("topic", "coverage"))
			.temperature(0.5)
			.topP(0.9)
			.n(2)
			.stop("END")
			.maxCompletionTokens(100)
			.maxTokens(100)
			.presencePenalty(0.1)
			.frequencyPenalty(0.2)
			.logitBias(Map.of("50256", -100))
			.logprobs(true)
			.topLogprobs(2)
			.seed(7L)
			.user("user-1")
			.safetyIdentifier("hashed-user-1")
			.promptCacheKey("cache-key")
			.promptCacheRetention("24h")
			.promptCacheOptions(new PromptCacheOptions("30m", "explicit"))
			.serviceTier(ServiceTier.FLEX)
			.reasoningEffort(ReasoningEffort.LOW)
			.verbosity(Verbosity.LOW)
			.modalities(List.of("text", "audio"))
			.audio(AudioOutput.of("alloy", "wav"))
			.prediction(Prediction.content("class A {}"))
			.webSearchOptions(new WebSearchOptions(WebSearchOptions.UserLocation
				.approximate(new WebSearchOptions.ApproximateLocation("FR", "IDF", "Paris", "Europe/Paris")), "low"))
			.responseFormat(ResponseFormat.jsonSchema(new ResponseFormat.JsonSchema("planet", "A planet",
					Map.of("type", "object", "additionalProperties", false), true)))
			.tool(Tool.function(FunctionDefinition.of("get_weather", "Weather in a city", WEATHER_SCHEMA).withStrict()))
			.tool(Tool.custom(new CustomToolDefinition("sql", "Runs SQL",
					CustomToolDefinition.Format.grammar("lark", "start: \"SELECT\""))))
			.tool(Tool.custom(new CustomToolDefinition("notes", null, CustomToolDefinition.Format.text())))
			.toolChoice(ToolChoice.allowedTools("auto",
					List.of(Map.of("type", "function", "function", Map.of("name", "get_weather")))))
			.parallelToolCalls(true)
			.moderation(new ModerationOptions("omni-moderation-latest",
					new ModerationOptions.Policy(new ModerationOptions.Mode("score"),
							new ModerationOptions.Mode("block"))))
			.build();
		List<ChatCompletionRequest> requests = new ArrayList<>();
		requests.add(everything);
		for (ResponseFormat format : List.of(ResponseFormat.text(), ResponseFormat.jsonObject())) {
			requests.add(everything.mutate().responseFormat(format).build());
		}
		for (ToolChoice choice : List.of(ToolChoice.NONE, ToolChoice.AUTO, ToolChoice.REQUIRED,
				ToolChoice.function("get_weather"), ToolChoice.custom("sql"))) {
			requests.add(everything.mutate().toolChoice(choice).build());
		}
		requests.add(everything.mutate()
			.prediction(Prediction.content(List.of(ContentPart.text("class B {}"))))
			.audio(AudioOutput.customVoice("voice_123", "mp3"))
			.stop(List.of("a", "b"))
			.build());
		return requests;
	}

	/**
	 * A request for {@code stream}, with stream options.
	 * @return the request
	 */
	static ChatCompletionRequest forStream() {
		return ChatCompletionRequest.builder()
			.model("gpt-4.1-mini")
			.message(ChatMessage.user("stream"))
			.streamOptions(new StreamOptions(true, false))
			.build();
	}

	/**
	 * One message of every role, with every form of content and every optional field.
	 * @return the messages
	 */
	@SuppressWarnings("deprecation")
	static List<ChatMessage> everyMessage() {
		PromptCacheBreakpoint breakpoint = PromptCacheBreakpoint.EXPLICIT;
		return List.of(ChatMessage.developer("Follow the rules.").withName("dev"),
				DeveloperMessage.of(List.of(new TextPart("Cached rules.", breakpoint))),
				ChatMessage.system("Be brief.").withName("sys"), SystemMessage.of(List.of(ContentPart.text("Parts."))),
				ChatMessage.user("Hello").withName("alice"),
				ChatMessage.user(new TextPart("Look:", breakpoint),
						new ImagePart(new ImagePart.ImageUrl("https://example.com/a.png", "high"), breakpoint),
						new AudioPart(new AudioPart.InputAudio("UklGRiQAAABXQVZF", "wav"), breakpoint),
						new FilePart(new FilePart.FileInput(null, null, "file-abc"), breakpoint),
						ContentPart.fileData("notes.pdf", "data:application/pdf;base64,JVBERi0=")),
				AssistantMessage.builder()
					.content("Calling tools.")
					.refusal("Not that.")
					.name("helper")
					.audio(AssistantAudio.ofId("audio_1"))
					.toolCall(ToolCall.function("call_1", "get_weather", "{\"city\":\"Paris\"}"))
					.toolCall(new ToolCall("call_2", "custom", null, new CustomToolCall("sql", "SELECT 1")))
					.functionCall(new FunctionCall("get_weather", "{}"))
					.build(),
				AssistantMessage.builder()
					.content(List.of(ContentPart.text("One."), ContentPart.refusal("No.")))
					.build(),
				ChatMessage.tool("call_1", "{\"celsius\":21}"),
				ToolMessage.of("call_2", List.of(ContentPart.text("1"))));
	}

}
