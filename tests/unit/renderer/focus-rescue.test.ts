import { describe, expect, it } from 'vitest';
import { ancestorsOf, FOCUSABLE, rescueTarget } from '../../../renderer/src/app/focus-rescue';

/**
 * A small page tree with just what focus-rescue reads of an element (parentElement, contains, querySelector of the
 * focusable selector): the rules are about which ancestor wins, not about the browser's selector engine.
 */
class Node {
  parentElement: Node | null = null;
  readonly children: Node[] = [];
  constructor(
    readonly name: string,
    readonly focusable = false,
  ) {}
  add(...children: Node[]): this {
    for (const child of children) {
      child.parentElement = this;
      this.children.push(child);
    }
    return this;
  }
  contains(other: Node): boolean {
    for (let node: Node | null = other; node; node = node.parentElement) if (node === this) return true;
    return false;
  }
  querySelector(selector: string): Node | null {
    expect(selector).toBe(FOCUSABLE);
    for (const child of this.children) {
      if (child.focusable) return child;
      const found = child.querySelector(selector);
      if (found) return found;
    }
    return null;
  }
}
const asElement = (node: Node) => node as unknown as Element;
const names = (elements: readonly Element[]) => elements.map((e) => (e as unknown as Node).name);

function page() {
  const deleteButton = new Node('supprimer', true);
  const card = new Node('carte').add(new Node('titre'), deleteButton);
  const nextCard = new Node('carte-suivante').add(new Node('ouvrir', true));
  const list = new Node('liste').add(card, nextCard);
  const section = new Node('section').add(new Node('renommer', true), list);
  const main = new Node('contenu').add(new Node('h1'), section);
  const dialogButton = new Node('bouton-dialogue', true);
  new Node('body').add(main, new Node('dialogue').add(dialogButton));
  return { deleteButton, card, list, section, main, dialogButton };
}

describe('where focus goes when the focused control vanished', () => {
  it('lists the lost control’s ancestors nearest first, up to the main landmark included', () => {
    const { deleteButton, main } = page();
    expect(names(ancestorsOf(asElement(deleteButton), asElement(main)))).toEqual([
      'carte',
      'liste',
      'section',
      'contenu',
    ]);
  });

  it('a control outside the main landmark (a dialog in a portal) has none: the h1 takes over', () => {
    const { dialogButton, main } = page();
    expect(ancestorsOf(asElement(dialogButton), asElement(main))).toEqual([]);
    expect(ancestorsOf(asElement(dialogButton), null)).toEqual([]);
  });

  it('the nearest ancestor still in the page gives its first control (the next card’s, not the top of the page)', () => {
    const { deleteButton, card, list, main } = page();
    const ancestors = ancestorsOf(asElement(deleteButton), asElement(main));
    // The card was deleted with its button: the list is the nearest one left, its first control is the next card's.
    list.children.splice(list.children.indexOf(card), 1);
    const gone = new Set<Element>([asElement(card)]);
    const target = rescueTarget(ancestors, (element) => !gone.has(element));
    expect((target as unknown as Node).name).toBe('ouvrir');
  });

  it('an ancestor left without any control takes the focus itself', () => {
    const lonely = new Node('encart').add(new Node('texte'));
    const inner = new Node('perdu');
    lonely.add(inner);
    expect(rescueTarget([asElement(lonely)], () => true)).toBe(asElement(lonely));
  });

  it('nothing left connected: no target (the caller falls back to the h1)', () => {
    const { deleteButton, main } = page();
    expect(rescueTarget(ancestorsOf(asElement(deleteButton), asElement(main)), () => false)).toBeNull();
  });
});
