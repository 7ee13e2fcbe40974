"""The stop words both backends skip: PostgreSQL's English list (tsearch_data/english.stop), which
the Whoosh analyzer uses too, so that 'gift for my dad' means the same everywhere and stop words
are never highlighted."""
from __future__ import annotations

STOP_WORDS = frozenset("""
i me my myself we our ours ourselves you your yours yourself yourselves he him his himself she
her hers herself it its itself they them their theirs themselves what which who whom this that
these those am is are was were be been being have has had having do does did doing a an the and
but if or because as until while of at by for with about against between into through during
before after above below to from up down in out on off over under again further then once here
there when where why how all any both each few more most other some such no nor not only own
same so than too very s t can will just don should now
""".split())

# Words of a message rather than of a search ("Hi, I would really like someone to make us ..."):
# dropped, as stop words are, only from a query long enough to be a pasted message (see
# query.MESSAGE_CLAUSES). Short queries keep them ("looks like the photos", "would not close").
# Written as conversational English, not from the demo corpus; words that name a quality or an
# object of a review (made, well, quality, gift, present) are not here.
MESSAGE_WORDS = frozenset("""
hi hello hey dear thanks thank please cheers regards kind kindly would could might may must shall
really like love looking look seeking searching find finding want wanted wanting wish need needs
needed hope hoping wondering wonder someone somebody anyone anybody something anything ideally
maybe perhaps possibly possible able sure quite rather also still yet even get got make makes
making us let know think many much lot lots advance sorry ask asking help
""".split())
