// Set a photo's focal point by clicking on it: fills the x and y inputs (0..1 from the
// top left) and moves the marker. Typing in the inputs moves the marker too.
"use strict";
document.addEventListener("DOMContentLoaded", () => {
  for (const picker of document.querySelectorAll("[data-focal-point]")) {
    const image = picker.querySelector("img");
    const marker = picker.querySelector(".focal-point-marker");
    const inputX = document.getElementById(picker.dataset.inputX);
    const inputY = document.getElementById(picker.dataset.inputY);
    if (!image || !marker || !inputX || !inputY) continue;
    const clamp = (value) => Math.min(1, Math.max(0, Number.parseFloat(value) || 0));
    const place = () => {
      marker.style.left = `${clamp(inputX.value) * 100}%`;
      marker.style.top = `${clamp(inputY.value) * 100}%`;
    };
    image.addEventListener("click", (event) => {
      const box = image.getBoundingClientRect();
      inputX.value = clamp((event.clientX - box.left) / box.width).toFixed(4);
      inputY.value = clamp((event.clientY - box.top) / box.height).toFixed(4);
      place();
    });
    inputX.addEventListener("input", place);
    inputY.addEventListener("input", place);
    place();
  }
});
