/**
 * Splits a source's text into passages a question can retrieve and an answer can quote: about
 * 100–250 words each, never across a heading, with the previous passage's last sentence repeated
 * when a section runs on (so a fact split between two passages is whole in one of them).
 *
 * The text is what extraction produced (extract/): paragraphs separated by blank lines, headings
 * as lines starting with "# ". Works on word arrays, not regular expressions, so no text can
 * make it slow.
 */

export const PASSAGE_WORDS = { min: 100, max: 250, overlap: 40 } as const;

export interface Passage {
  /** The section's heading, or null before the first one. */
  heading: string | null;
  text: string;
}

type Sentence = string[];

function sentencesOf(words: string[]): Sentence[] {
  const out: Sentence[] = [];
  let current: string[] = [];
  for (const word of words) {
    current.push(word);
    const last = word[word.length - 1];
    if (last === '.' || last === '!' || last === '?' || last === '…' || current.length >= PASSAGE_WORDS.max) {
      out.push(current);
      current = [];
    }
  }
  if (current.length > 0) out.push(current);
  return out;
}

interface Section {
  heading: string | null;
  /** Paragraphs, each a list of sentences. */
  paragraphs: Sentence[][];
}

const count = (sentences: Sentence[]) => sentences.reduce((n, s) => n + s.length, 0);
const join = (paragraphs: Sentence[][]) => paragraphs.map((p) => p.map((s) => s.join(' ')).join(' ')).join('\n\n');

function passagesOfSection(section: Section): Passage[] {
  const out: Passage[] = [];
  if (section.paragraphs.length === 0) return out;
  let current: Sentence[][] = [];
  let words = 0;
  const emit = () => {
    if (words > 0) out.push({ heading: section.heading, text: join(current) });
  };
  for (const paragraph of section.paragraphs) {
    // A long paragraph is packed sentence by sentence; a short one moves as a whole.
    const units = count(paragraph) > PASSAGE_WORDS.max ? paragraph.map((s) => [s]) : [paragraph];
    for (const unit of units) {
      const size = count(unit);
      if (words > 0 && words + size > PASSAGE_WORDS.max && words >= PASSAGE_WORDS.min / 2) {
        emit();
        const tail = current[current.length - 1]!;
        const lastSentence = tail[tail.length - 1]!;
        current = lastSentence.length <= PASSAGE_WORDS.overlap ? [[lastSentence]] : [];
        words = count(current.flat());
      }
      // Sentences of one paragraph stay one paragraph.
      const last = current[current.length - 1];
      if (last && unit !== units[0]) current[current.length - 1] = [...last, ...unit];
      else current.push([...unit]);
      words += size;
    }
  }
  emit();
  return out;
}

function passagesOrHeading(section: Section): Passage[] {
  const passages = passagesOfSection(section);
  // A heading with nothing under it is still worth finding (a list of titles, say).
  if (passages.length === 0 && section.heading) return [{ heading: section.heading, text: section.heading }];
  return passages;
}

/**
 * Reads the text block by block (paragraphs, headings), handing out each section's passages as
 * soon as the next heading closes it: so the work can be cut into turns (splitPassagesYielding).
 */
class Splitter {
  private section: Section = { heading: null, paragraphs: [] };
  readonly passages: Passage[] = [];

  addBlock(block: string): void {
    let body: string[] = [];
    const flush = () => {
      const words = body.join(' ').split(/\s+/).filter(Boolean);
      if (words.length > 0) this.section.paragraphs.push(sentencesOf(words));
      body = [];
    };
    for (const line of block.split('\n')) {
      if (line.startsWith('# ')) {
        flush();
        const heading = line.slice(2).trim();
        if (heading) {
          this.passages.push(...passagesOrHeading(this.section));
          this.section = { heading, paragraphs: [] };
        }
      } else body.push(line);
    }
    flush();
  }

  finish(): Passage[] {
    this.passages.push(...passagesOrHeading(this.section));
    return this.passages;
  }
}

const blocksOf = (text: string) => text.replace(/\r\n?/g, '\n').split(/\n[ \t]*\n/);

export function splitPassages(text: string): Passage[] {
  const splitter = new Splitter();
  for (const block of blocksOf(text)) splitter.addBlock(block);
  return splitter.finish();
}

/** Blocks read per turn of the event loop by splitPassagesYielding. */
const BLOCKS_PER_TURN = 200;

/** The same passages as splitPassages, giving the event loop a turn every few hundred paragraphs: a long manual never holds up a chat. */
export async function splitPassagesYielding(text: string): Promise<Passage[]> {
  const splitter = new Splitter();
  const blocks = blocksOf(text);
  for (let i = 0; i < blocks.length; i++) {
    splitter.addBlock(blocks[i]!);
    if (i % BLOCKS_PER_TURN === BLOCKS_PER_TURN - 1) await new Promise((resolve) => setImmediate(resolve));
  }
  return splitter.finish();
}

/** A passage as retrieved and quoted: its heading first, so it reads on its own. */
export function passageText(p: Passage): string {
  return p.heading && p.text !== p.heading ? `${p.heading}\n${p.text}` : p.text;
}
