// The notice WordNet's licence asks to travel with copies of the data (lexicon-data.txt) and
// with what is made from it: README, studio footer and batch ZIP credits quote it.
export const WORDNET_CREDIT =
  "Noun senses from WordNet 3.1 (Princeton University; WordNet 3.0 Copyright 2006 by Princeton University. All rights reserved; WordNet licence, https://wordnet.princeton.edu/license-and-commercial-use)";

/** Whether an interpretation's guesses read a word through WordNet. */
export function usesWordNet(guesses: readonly string[] | undefined): boolean {
  return guesses?.some((g) => g.includes("WordNet")) ?? false;
}
