export default defineContentScript({
  matches: ['https://app.heygen.com/*'],
  main() {},
});
