# The valid lines of tests/data/corpus/bad/mixed-lines.jsonl (written for dyad's test corpus).
ARTICLES = [
dict(id="bx-2024-1127-lebanon", date="2024-11-27T02:00:00Z", title="Israel-Hezbollah ceasefire takes effect in Lebanon",
source="Levant Newsline", url="https://example.org/levant/2024/11/27/lebanon-ceasefire",
text="""A ceasefire between Israel and Hezbollah took effect in Lebanon at 4 a.m. local time on Wednesday, after more than a year of cross-border fire and two months of all-out war.

Under the agreement, brokered by the United States and France, Israeli troops are to withdraw from southern Lebanon over 60 days while the Lebanese army deploys in the area and Hezbollah moves its fighters and weapons north of the Litani River.

U.S. President Joe Biden said the deal was “designed to be a permanent cessation of hostilities.” Israeli Prime Minister Benjamin Netanyahu warned that Israel would strike “forcefully” if Hezbollah broke the terms.

Thousands of displaced families began driving south within hours, despite warnings from the Israeli military not to return to villages near the border."""),
dict(id="bx-2023-0615-geneina", date="2023-06-15", title="West Darfur governor killed after accusing RSF of genocide",
source="Nile Valley Monitor", url="https://example.org/nilevalley/2023/06/15/geneina",
text="""The governor of Sudan’s West Darfur state, Khamis Abakar, was killed in El Geneina on Wednesday, hours after he accused the Rapid Support Forces and allied Arab militias of committing genocide against the city’s Masalit population.

The Sudanese army blamed the RSF for the killing and called it a heinous act. The paramilitary group denied any role and said it condemned the murder.

Residents who escaped to Chad described fighters going from house to house and shooting men in the streets. The U.N. refugee agency said more than 149,000 people had fled from Sudan into Chad since April, most of them from West Darfur.

Volker Perthes, the U.N. special representative for Sudan, said attacks on civilians based on their ethnic identity could amount to crimes against humanity."""),
dict(id="bx-2023-0717-grain-exit", date="2023-07-17", title="Russia quits Black Sea grain deal",
source="Levant Newsline", url="https://example.org/levant/2023/07/17/grain-deal-exit",
text="""Russia said on Monday it was suspending its participation in the Black Sea grain deal, ending a year-old arrangement that had allowed Ukraine to ship more than 32 million tonnes of food through a protected corridor.

Kremlin spokesman Dmitry Peskov said Moscow would return to the deal as soon as its demands on the export of Russian grain and fertiliser were met. He said the decision was not connected to an attack on the Crimean bridge hours earlier, which Russia blamed on Ukraine.

U.N. Secretary-General António Guterres said he deeply regretted the decision and that hundreds of millions of people facing hunger would pay the price. Ukrainian President Volodymyr Zelensky said exports should continue without Russia."""),
]
