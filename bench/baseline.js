// The benchmark's baseline: a plain script that sets `state` on the element and nothing else.
for (const element of document.querySelectorAll('digital-hotline')) {
  const text = document.createElement('p');
  text.textContent = 'Åben nu';
  element.replaceChildren(text);
  element.setAttribute('state', 'open');
}
