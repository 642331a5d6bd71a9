// The part of Bootstrap's JavaScript the corpus pages use (the package ships no types).
declare module 'bootstrap' {
  export class Dropdown {
    constructor(toggle: Element);
  }
}
