;(() => {
  const slides = Array.from(document.querySelectorAll("section.slide"))
  const steps = { ArrowRight: 1, ArrowDown: 1, PageDown: 1, ArrowLeft: -1, ArrowUp: -1, PageUp: -1 }

  const currentIndex = () => {
    let best = 0
    slides.forEach((slide, index) => {
      if (Math.abs(slide.getBoundingClientRect().top) < Math.abs(slides[best].getBoundingClientRect().top)) {
        best = index
      }
    })
    return best
  }

  const show = (index) => {
    const slide = slides[Math.max(0, Math.min(slides.length - 1, index))]
    slide.scrollIntoView({ block: "start" })
    slide.focus({ preventScroll: true })
  }

  document.addEventListener("keydown", (event) => {
    if (event.altKey || event.ctrlKey || event.metaKey || slides.length === 0) return
    if (event.key === "Home" || event.key === "End") {
      event.preventDefault()
      show(event.key === "Home" ? 0 : slides.length - 1)
      return
    }
    const step = steps[event.key]
    if (step === undefined) return
    event.preventDefault()
    show(currentIndex() + step)
  })
})()
