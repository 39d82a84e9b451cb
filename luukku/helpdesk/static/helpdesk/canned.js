// Canned replies: a click puts the text in the reply box, where it can still be edited.
document.addEventListener("click", (event) => {
  const button = event.target.closest(".canned-reply");
  if (!button) return;
  const box = document.querySelector("textarea[name=body]");
  box.value = button.dataset.body + (box.value ? "\n\n" + box.value : "");
  box.focus();
});
