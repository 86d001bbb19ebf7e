package io.github.openaistarter.samples.chatweb;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import tools.jackson.databind.JsonNode;

import io.github.openaistarter.chat.ChatCompletionsOperations;
import io.github.openaistarter.chat.model.ChatCompletionRequest;
import io.github.openaistarter.chat.model.ChatMessage;
import io.github.openaistarter.chat.model.ListChatCompletionsParams;
import io.github.openaistarter.core.NotFoundException;
import io.github.openaistarter.test.AutoConfigureOpenAiFake;
import io.github.openaistarter.test.Fault;
import io.github.openaistarter.test.OpenAiFakeServer;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The two pages in a real browser (headless Chromium), on the app wired to the starter's
 * fake: chat with a streamed answer, watch tool calls stream in above an answer, extract
 * a contact, then find the stored completion, page, filter, open, edit and delete it.
 * Screenshots of each page go to {@code target/screenshots}.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@AutoConfigureOpenAiFake
class ChatWebBrowserTests {

	private static final String FIRST_ANSWER = "Jupiter: it holds more than twice the mass of all the other planets"
			+ " together.";

	private static final String SECOND_ANSWER = "Ganymede, the largest moon of the solar system, wider than Mercury.";

	@TempDir
	static Path profile;

	private static WebDriver browser;

	@LocalServerPort
	private int port;

	@Autowired
	private OpenAiFakeServer openAi;

	@Autowired
	private ChatCompletionsOperations chat;

	@BeforeEach
	void startBrowser() {
		if (browser == null) {
			browser = Chromium.start(profile);
		}
	}

	@AfterAll
	static void quitBrowser() {
		if (browser != null) {
			browser.quit();
		}
	}

	@Test
	void chatStreamsTheAnswerAndContinuesTheConversation() {
		Iterator<String> answers = List.of(FIRST_ANSWER, SECOND_ANSWER).iterator();
		this.openAi.answerWith((request) -> answers.next());
		// a role chunk and two words, then a pause: the page must show the answer while
		// it streams
		this.openAi.enqueue(Fault.streamStallAfter(3, Duration.ofMillis(1500)));
		browser.get(url("/"));
		type("tags", "sample=chat-web, topic=planets");
		ask("Which planet is the largest?");
		WebElement answer = lastBubble("assistant");
		waitUntil(() -> text(answer).startsWith("Jupiter: it") && isStreaming(answer));
		assertThat(text(answer)).isEqualTo("Jupiter: it");
		waitUntil(() -> !isStreaming(answer));
		assertThat(text(answer)).isEqualTo(FIRST_ANSWER);
		assertThat(note(answer)).startsWith(words(FIRST_ANSWER) + " chunks · first token ")
			.contains("stored as chatcmpl-");

		ask("And its largest moon?");
		WebElement second = lastBubble("assistant");
		waitUntil(() -> !isStreaming(second) && !note(second).isEmpty());
		assertThat(text(second)).isEqualTo(SECOND_ANSWER);
		JsonNode request = this.openAi.lastRequest().json();
		assertThat(request.path("messages").valueStream().map((message) -> message.path("role").asString()))
			.containsExactly("system", "user", "assistant", "user");
		assertThat(request.path("messages").get(2).path("content").asString()).isEqualTo(FIRST_ANSWER);
		assertThat(request.path("store").asBoolean()).isTrue();
		assertThat(request.path("metadata").path("topic").asString()).isEqualTo("planets");
		assertThat(request.path("stream").asBoolean()).isTrue();

		waitUntil(() -> browser.findElement(By.id("health")).getText().endsWith("UP"));
		assertThat(browser.findElement(By.id("timings")).getText()).startsWith("last calls: stream ")
			.contains("first chunk");
		Chromium.screenshot(browser, "chat.png");
	}

	@Test
	void chatShowsEachToolCallAsABadgeAboveTheAnswer() {
		this.openAi.answerWith(OfflineOpenAi::answer);
		// the role chunk and the first call's name, then a pause: the call must show
		// while its arguments stream
		this.openAi.enqueue(Fault.streamStallAfter(2, Duration.ofMillis(1500)));
		browser.get(url("/"));
		ask("Please call roll_dice and current_time");
		WebElement answer = lastBubble("assistant");
		waitUntil(() -> !toolCalls(answer).isEmpty() && isStreaming(answer));
		assertThat(toolCalls(answer)).containsExactly("roll_dice(…)");
		assertThat(answer.findElement(By.cssSelector(".tool-call")).getAttribute("class")).contains("pending");
		waitUntil(() -> !isStreaming(answer));
		assertThat(toolCalls(answer)).containsExactly("roll_dice(die: \"D6\", count: 1, seed: 1)", "current_time()");
		assertThat(answer.findElements(By.cssSelector(".tool-call.pending"))).isEmpty();
		assertThat(text(answer)).startsWith("The embedded fake OpenAI called your tools; roll_dice returned {")
			.contains("; current_time returned ");
		assertThat(note(answer)).contains(" · 2 tool calls in 2 rounds · ");
		Chromium.screenshot(browser, "tools.png");

		ask("Thanks!");
		WebElement next = lastBubble("assistant");
		waitUntil(() -> !isStreaming(next) && !note(next).isEmpty());
		assertThat(toolCalls(next)).isEmpty();
		assertThat(this.openAi.lastRequest()
			.json()
			.path("messages")
			.valueStream()
			.map((message) -> message.path("role").asString())).containsExactly("system", "user", "assistant", "user");
	}

	@Test
	void storedPageFindsPagesFiltersOpensEditsAndDeletes() {
		for (int i = 1; i <= 11; i++) {
			this.chat.create(ChatCompletionRequest.builder()
				.message(ChatMessage.user("Seed question " + i))
				.store(true)
				.metadata(Map.of("sample", "seed"))
				.build());
		}
		browser.get(url("/"));
		type("tags", "topic=moons");
		ask("Which moon has volcanoes?");
		waitUntil(() -> note(lastBubble("assistant")).contains("stored as"));
		String id = this.chat.list(ListChatCompletionsParams.builder().metadata("topic", "moons").build())
			.data()
			.get(0)
			.id();

		browser.get(url("/stored.html"));
		waitUntil(() -> rows().size() == 10);
		assertThat(rows().get(0).getAttribute("data-id")).isEqualTo(id);
		browser.findElement(By.id("older")).click();
		waitUntil(() -> rows().size() == 2 && pageNumber().equals("Page 2"));
		assertThat(browser.findElement(By.id("older")).isEnabled()).isFalse();
		browser.findElement(By.id("newer")).click();
		waitUntil(() -> rows().size() == 10 && pageNumber().equals("Page 1"));

		type("filter-key", "topic");
		type("filter-value", "moons");
		browser.findElement(By.cssSelector("#filter button[type=submit]")).click();
		waitUntil(() -> rows().size() == 1);
		rows().get(0).click();
		waitUntil(() -> browser.findElement(By.id("details")).isDisplayed());
		assertThat(browser.findElement(By.id("details-id")).getText()).isEqualTo(id);
		assertThat(browser.findElements(By.cssSelector("#details-messages .text"))).extracting(WebElement::getText)
			.containsExactly("You are a concise astronomy guide.", "Which moon has volcanoes?",
					"echo: Which moon has volcanoes?");

		type("edit-metadata", "topic=moons, reviewed=yes");
		browser.findElement(By.id("save")).click();
		waitUntil(() -> rows().size() == 1 && rows().get(0).getText().contains("reviewed=yes"));
		assertThat(this.chat.retrieve(id).metadata())
			.containsExactlyInAnyOrderEntriesOf(Map.of("topic", "moons", "reviewed", "yes"));
		Chromium.screenshot(browser, "stored.png");

		browser.findElement(By.id("delete")).click();
		waitUntil(() -> rows().isEmpty() && browser.findElement(By.id("empty")).isDisplayed());
		assertThat(browser.findElement(By.id("details")).isDisplayed()).isFalse();
		assertThatExceptionOfType(NotFoundException.class).isThrownBy(() -> this.chat.retrieve(id));
	}

	@Test
	void extractPanelShowsTheContactsFieldsAndItsFailures() {
		browser.get(url("/"));
		type("extract-text", "Ada Lovelace asks for a price list.");
		browser.findElement(By.id("extract-button")).click();
		waitUntil(() -> browser.findElement(By.id("contact")).isDisplayed());
		// the fake answers from the schema: the user's text in the first string,
		// "<property> <n>" in the others
		assertThat(browser.findElements(By.cssSelector("#contact dt"))).extracting(WebElement::getText)
			.containsExactly("Name", "Email", "Company", "Intent", "Topics");
		assertThat(field("name")).isEqualTo("Ada Lovelace asks for a price list.");
		assertThat(field("email")).isEqualTo("email 1");
		assertThat(field("company")).isEqualTo("company 2");
		assertThat(field("intent")).isEqualTo("QUESTION");
		assertThat(field("topics")).isEqualTo("topics 3, topics 4");
		assertThat(this.openAi.lastRequest().json().path("response_format").path("type").asString())
			.isEqualTo("json_schema");
		Chromium.screenshot(browser, "extract.png");

		this.openAi.answerWith("{\"name\":\"Ada\",\"email\":null,\"company\":null,\"intent\":\"BOGUS\",\"topics\":[]}");
		browser.findElement(By.id("extract-button")).click();
		waitUntil(() -> browser.findElement(By.id("extract-error")).isDisplayed());
		assertThat(browser.findElement(By.id("extract-error")).getText())
			.isEqualTo("The model's answer does not fit the requested type at intent");
		assertThat(browser.findElement(By.id("contact")).isDisplayed()).isFalse();
	}

	private String url(String path) {
		return "http://127.0.0.1:" + this.port + path;
	}

	private static void ask(String question) {
		int answers = browser.findElements(By.cssSelector(".bubble.assistant")).size();
		type("message", question);
		browser.findElement(By.id("send")).click();
		waitUntil(() -> browser.findElements(By.cssSelector(".bubble.assistant")).size() == answers + 1);
	}

	private static void type(String id, String text) {
		WebElement field = browser.findElement(By.id(id));
		field.clear();
		field.sendKeys(text);
	}

	private static String field(String name) {
		return browser.findElement(By.cssSelector("#contact dd[data-field=" + name + "]")).getText();
	}

	private static WebElement lastBubble(String role) {
		List<WebElement> bubbles = browser.findElements(By.cssSelector(".bubble." + role));
		return bubbles.get(bubbles.size() - 1);
	}

	private static String text(WebElement bubble) {
		return bubble.findElement(By.className("text")).getText();
	}

	private static List<String> toolCalls(WebElement bubble) {
		return bubble.findElements(By.className("tool-call")).stream().map(WebElement::getText).toList();
	}

	private static String note(WebElement bubble) {
		List<WebElement> notes = bubble.findElements(By.className("note"));
		return notes.isEmpty() ? "" : notes.get(0).getText();
	}

	private static boolean isStreaming(WebElement bubble) {
		return bubble.getAttribute("class").contains("streaming");
	}

	private static List<WebElement> rows() {
		return browser.findElements(By.cssSelector("#completions tr"));
	}

	private static String pageNumber() {
		return browser.findElement(By.id("page-number")).getText();
	}

	private static int words(String text) {
		return text.split("\\s+").length;
	}

	private static void waitUntil(BooleanSupplier condition) {
		new WebDriverWait(browser, Duration.ofSeconds(10)).ignoring(StaleElementReferenceException.class)
			.until((driver) -> condition.getAsBoolean());
	}

}
