"""The session pack (sessiepakket): what a coalition takes to an interpretation session.

``data.session_pack_data`` gathers it, ``rendering`` turns it into a print-friendly HTML page
and a PDF from one template, ``views`` serves both to members, ``outputs`` registers them with
the output registry, and ``kansrijk report session`` writes the PDF from the command line.
"""
