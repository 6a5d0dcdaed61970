// A parent's e-mail with three questions, as staff paste it into assist: a greeting, a story, three questions
// (one joined with "En"), thanks and a signature.

export const THREE_QUESTIONS = [
  "Moet ik het OPP tekenen?",
  "Wie beslist over een toelaatbaarheidsverklaring?",
  "En wie betaalt het vervoer naar een speciale school?",
] as const;

export const THREE_QUESTION_MAIL = [
  "Beste mevrouw,",
  "",
  `Mijn dochter zit in groep 6 en heeft dyslexie. De school wil een OPP opstellen. ${THREE_QUESTIONS[0]}`,
  "",
  `Daarnaast zegt de school dat ze misschien naar het speciaal onderwijs moet. ${THREE_QUESTIONS[1]}`,
  "",
  THREE_QUESTIONS[2],
  "",
  "Alvast bedankt!",
  "",
  "Met vriendelijke groet,",
  "Sanne de Vries",
].join("\n");
