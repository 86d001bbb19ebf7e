// Prints COUNT stream chunks that Prism's dynamic generator (json-schema-faker, with every optional field)
// makes from the text/event-stream answer of createChatCompletion: CreateChatCompletionStreamResponse.
// Prism cannot serve an event stream itself, so the wire-fidelity tests stream these through the client.
const { getHttpOperationsFromSpec } = require('@stoplight/prism-http');
const { generate } = require('@stoplight/prism-http/dist/mocker/generator/JSONSchema');

async function main([spec, count]) {
  const operations = await getHttpOperationsFromSpec(spec);
  const create = operations.find((operation) => operation.iid === 'createChatCompletion');
  const ok = create && create.responses.find((response) => response.code === '200');
  const content = ok && ok.contents.find((each) => each.mediaType === 'text/event-stream');
  if (!content) {
    throw new Error('createChatCompletion has no text/event-stream answer in ' + spec);
  }
  for (let i = 0; i < Number(count); i++) {
    const chunk = generate(create, create.__bundled__, content.schema);
    if (chunk._tag === 'Left') {
      throw chunk.left;
    }
    process.stdout.write(JSON.stringify(chunk.right) + '\n');
  }
}

main(process.argv.slice(2)).catch((error) => {
  console.error(error);
  process.exit(1);
});
