// An interactive chat in the terminal: npm run chat
import { randomUUID } from "node:crypto";
import { createInterface } from "node:readline/promises";
import { createConversations } from "../conversation/index.js";
import { KnowledgeError } from "../core/index.js";
import { loadAssistant } from "../knowledge/index.js";
import { formatReply } from "./format.js";

async function main() {
  let assistant;
  try {
    assistant = loadAssistant();
  } catch (error) {
    if (error instanceof KnowledgeError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
  const rl = createInterface({ input: process.stdin, output: process.stdout });
  const conversations = createConversations({ assistant });
  const conversationId = randomUUID();
  console.log(
    `Ouderwijzer — vragen over passend onderwijs (${assistant.entryCount} onderwerpen). Typ "stop" om te stoppen.\n`,
  );
  rl.on("close", () => process.exit(0));
  for (;;) {
    const text = await rl.question("Jij: ");
    if (/^\s*(stop|exit|quit)\s*$/i.test(text)) break;
    const { reply } = await conversations.answer({ conversationId, channel: "cli", chatRef: null }, text);
    console.log(`\nAssistent:\n${formatReply(reply)}\n`);
  }
  rl.close();
}

void main();
