// The article editor: a text area marked data-editor becomes an editable page with a small toolbar
// (bold, italic, underline, heading, lists, quote, link, undo formatting). What is typed or pasted (from
// Word too) goes back into the text area as HTML when the form is sent; the server keeps only what its
// allow-list permits. Without JavaScript the text area itself is used.
// Enter starts a new paragraph (<p>); a picture (figure with its caption) is not edited in place, and a
// paragraph always follows it, so what is typed after a picture goes below it, never into its caption.
document.addEventListener('DOMContentLoaded', () => {
  document.querySelectorAll('textarea[data-editor]').forEach((area) => {
    const toolbar = document.createElement('div');
    toolbar.className = 'btn-toolbar gap-1 mb-1 editor-toolbar';
    toolbar.setAttribute('role', 'toolbar');
    toolbar.setAttribute('aria-label', area.dataset.toolbarLabel || '');
    const page = document.createElement('div');
    page.className = 'form-control editor-page';
    page.contentEditable = 'true';
    page.setAttribute('role', 'textbox');
    page.setAttribute('aria-multiline', 'true');
    page.id = area.id + '-page';
    page.innerHTML = area.value;
    const settle = () => {
      page.querySelectorAll('figure').forEach((figure) => {
        figure.contentEditable = 'false';
        const next = figure.nextElementSibling;
        if (!next || next.tagName === 'FIGURE') {
          const paragraph = document.createElement('p');
          paragraph.appendChild(document.createElement('br'));
          figure.after(paragraph);
        }
      });
      if (!page.firstElementChild && !page.textContent.trim()) {
        page.innerHTML = '<p><br></p>';
      }
    };
    settle();
    page.addEventListener('focus', () => document.execCommand('defaultParagraphSeparator', false, 'p'));
    page.addEventListener('input', settle);
    const label = document.querySelector('label[for="' + area.id + '"]');
    if (label) {
      label.id = label.id || area.id + '-label';
      page.setAttribute('aria-labelledby', label.id);
      label.addEventListener('click', () => page.focus());
    }
    const commands = [
      ['bold', 'bold'], ['italic', 'italic'], ['underline', 'underline'], ['heading', 'formatBlock', 'h3'],
      ['bullets', 'insertUnorderedList'], ['numbers', 'insertOrderedList'], ['quote', 'formatBlock', 'blockquote'],
      ['link', 'createLink'], ['clear', 'removeFormat']
    ];
    commands.forEach(([name, command, value]) => {
      const button = document.createElement('button');
      button.type = 'button';
      button.className = 'btn btn-sm btn-outline-secondary';
      button.dataset.command = name;
      button.textContent = area.dataset['label' + name.charAt(0).toUpperCase() + name.slice(1)] || name;
      button.addEventListener('click', () => {
        page.focus();
        if (command === 'createLink') {
          const url = window.prompt(area.dataset.linkPrompt || 'URL', 'https://');
          if (url) {
            document.execCommand(command, false, url);
          }
        } else {
          document.execCommand(command, false, value);
        }
      });
      toolbar.appendChild(button);
    });
    area.classList.add('d-none');
    area.parentNode.insertBefore(toolbar, area);
    area.parentNode.insertBefore(page, area);
    area.form.addEventListener('submit', () => {
      page.querySelectorAll('figure').forEach((figure) => figure.removeAttribute('contenteditable'));
      area.value = page.innerHTML;
    });
  });
});
