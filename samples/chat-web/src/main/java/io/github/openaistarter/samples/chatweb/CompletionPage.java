package io.github.openaistarter.samples.chatweb;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * One page of stored completions, newest first.
 *
 * @param items the completions of the page
 * @param hasMore whether more come after this page
 * @param lastId the id to ask the next page after, or {@code null} on an empty page
 */
record CompletionPage(List<CompletionSummary> items, boolean hasMore, @Nullable String lastId) {

}
