export default defineBackground(() => {
  console.log('[sourcelight] background started');
});
