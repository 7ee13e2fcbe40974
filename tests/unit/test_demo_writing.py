"""Demo review text reads cleanly whatever the maker is called."""
from __future__ import annotations

from random import Random

from craftreview.demo.writing import Scene, bio, reply_body, review_body


def test_a_maker_name_ending_in_a_full_stop_leaves_no_double_stop():
    for seed in range(200):
        scene = Scene(maker="North Heron Candle Co.", craft="candles", item="gift box", material="soy",
                      craftsmanship=1 + seed % 5, consistency=3, delivery=1 + seed % 4, late_days=seed % 9,
                      order_type=("custom", "stock")[seed % 2], takes_custom=seed % 2 == 0)
        rng = Random(seed)
        texts = (review_body(rng, scene), reply_body(rng, scene, "Hannah"),
                 bio(rng, maker=scene.maker, name="Hannah", craft="candles", place="Portland", lead=30))
        assert all(".." not in text for text in texts), texts
