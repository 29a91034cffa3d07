"""Lines of a meeting's decision notice: the lead-in over its resolutions, a resolution that
is done by the decision itself, and a priority the meeting reworded."""

from __future__ import annotations

import re


#: "RESOLVED: that Cabinet", "The Committee resolved to:", "RECOMMENDED:", "Cabinet agreed
#: that -": a meeting's decision over its numbered resolutions.
_RESOLUTION_LEAD = re.compile(
    r"(?i)^(?:(?:it\s+was\s+)?(?:resolved|recommended|agreed)(?:\s*:\s*|\s+)?(?:that\b[^.:]{0,40}?)?(?:resolves\s+that)?\s*[-–:]?"
    r"|(?:the\s+)?(?:cabinet|committee|council|board|panel|executive|sub-committee)\s+(?:resolved|agreed|decided|resolves)"
    r"(?:\s+(?:to|that))?(?:\s*[-–:])?)\s*$")

#: "(2) That the Chief Executive be given authority ... to amend the Council Plan to reflect
#: comments ...": a resolution of the meeting, done by the decision, no commitment of a plan.
_RESOLUTION_SENTENCE = re.compile(
    r"(?i)^(?:\(?\s*(?:\d{1,2}|[a-h]|[ivx]{1,4})\s*[).]\s*)?that\b.{0,200}?\b(?:be|is|are)\s+(?:hereby\s+)?"
    r"(?:given|granted|delegated|approved|noted|agreed|authori[sz]ed|adopted|endorsed|recommended|asked|requested|received)\b")

#: "... the fourth priority being amended to read "Manage a resilient ..."": a priority's new words.
_REWORDED_PRIORITY = re.compile(
    r"(?i)\b(?:priority|objective|outcome|ambition|aim|goal)\s+(?:\w+\s+){0,2}?(?:being\s+|is\s+|be\s+)?"
    r"(?:amended|changed|reworded|renamed|revised)\s+to\s+(?:read\s+|say\s+)?(?::\s*)?[\"“‘'](?P<name>[^\"”’]{10,200})[\"”’']")
