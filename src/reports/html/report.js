// Filters of the HTML report: by verdict and by category. Without scripts every post shows.
"use strict";
(() => {
  const verdicts = [...document.querySelectorAll("[data-verdict-filter]")];
  const category = document.getElementById("category-filter");
  const posts = [...document.querySelectorAll("article.post")];
  const shown = document.getElementById("shown");
  function apply() {
    const on = new Set(verdicts.filter((box) => box.checked).map((box) => box.value));
    let count = 0;
    for (const post of posts) {
      const visible = on.has(post.dataset.verdict) &&
        (category.value === "" || post.dataset.categories.split(" ").includes(category.value));
      post.hidden = !visible;
      if (visible) count += 1;
    }
    shown.textContent = `${count} of ${posts.length} post(s) with findings shown`;
  }
  verdicts.forEach((box) => box.addEventListener("change", apply));
  category.addEventListener("change", apply);
  apply();
})();
