"""The article at a glance: the editors' overview and section summaries, the key figures with a
chart, the timeline and the reading times, generated from `editorial/summaries.yml`,
`editorial/key-figures.yml` and `editorial/timeline.yml`, every claim tied to its paragraph."""
