# Source text of the articles in tests/data/corpus/jsonl/wire-b.jsonl (written for dyad's test corpus).
# The Niger coup article (wb-2023-0726-niger) is also in wire-a.jsonl on purpose: the
# ingest stage must store it once.
NIGER = dict(id="wb-2023-0726-niger", date="2023-07-26T23:15:00Z", title="Soldiers in Niger say they have removed President Bazoum",
source="Sahel Dispatch", url="https://example.org/saheldispatch/2023/07/26/niger-coup",
text="""Soldiers appeared on Niger’s national television late on Wednesday to announce that they had removed President Mohamed Bazoum from power, hours after members of the presidential guard detained him inside his residence in Niamey.

Col. Maj. Amadou Abdramane, reading a statement on behalf of a group calling itself the National Council for the Safeguard of the Homeland, said the constitution had been suspended, the country’s borders closed and a night-time curfew imposed “until further notice.” He cited the deteriorating security situation and poor economic management.

Bazoum, who was elected in 2021 in Niger’s first peaceful transfer of power since independence, had not resigned, his office said earlier. Supporters who gathered near the residence were dispersed by guards firing warning shots.

The Economic Community of West African States condemned what it called an attempted coup, and the African Union demanded that the soldiers return to their barracks. U.S. Secretary of State Antony Blinken spoke to Bazoum by telephone and said Washington’s support for him was “unwavering.”

Niger is a key partner of France and the United States in the fight against Islamist insurgents in the Sahel; about 1,500 French and 1,100 American troops are based in the country.""")
ARTICLES = [
dict(id="wb-2019-0510-tariff-hike", date="2019-05-10", title="U.S. raises tariffs on $200 billion of Chinese goods as talks continue",
source="Harbour Economic Service", url="https://example.org/harbour/2019/05/10/tariff-hike",
text="""The United States raised tariffs on $200 billion of Chinese imports from 10 percent to 25 percent on Friday, while negotiators from both countries held a second day of talks in Washington aimed at ending their ten-month trade war.

China’s commerce ministry said it “deeply regrets” the move and would take “necessary countermeasures,” without giving details. Vice Premier Liu He, China’s chief negotiator, met U.S. Trade Representative Robert Lighthizer and Treasury Secretary Steven Mnuchin for about two hours; both sides described the talks as “constructive.”

President Donald Trump wrote on Twitter that there was “absolutely no need to rush” and that the tariffs would bring in far more money than any deal. He said he had ordered Lighthizer to begin the process of putting tariffs on almost all remaining imports from China, worth about $325 billion.

The increase applies to goods that leave China after 12:01 a.m. on Friday, so shipments already at sea will be charged the old rate. Economists said the higher duties could cut China’s growth by 0.5 to 0.8 percentage points over a year.

Stocks on Wall Street recovered from early losses after Mnuchin said the talks would continue, and the S&P 500 closed 0.4 percent higher."""),
dict(id="wb-2020-1110-karabakh-ceasefire", date="2020-11-10T06:00:00Z", title="Armenia and Azerbaijan agree Russian-brokered deal to end Karabakh war",
source="Caucasus Bulletin", url="https://example.org/caucasus/2020/11/10/ceasefire",
text="""Armenia, Azerbaijan and Russia signed an agreement to end six weeks of fighting over Nagorno-Karabakh, and Russian peacekeepers will be deployed along the front line, the three leaders announced early on Tuesday.

Armenian Prime Minister Nikol Pashinyan said he had signed the deal “with unspeakable pain” after consulting military commanders, who told him that further fighting could lead to the loss of all of Karabakh. Azerbaijani President Ilham Aliyev called it a “capitulation” by Armenia.

Under the terms, Armenia will hand back the Aghdam, Kalbajar and Lachin districts that surround the enclave, and about 1,960 Russian troops will guard the line of contact and a corridor linking Karabakh with Armenia for at least five years. Azerbaijan will keep the town of Shusha, which its forces captured on Sunday.

Protesters stormed government buildings in Yerevan after the announcement, and the speaker of parliament, Ararat Mirzoyan, was beaten by a crowd, his office said.

In Baku, people celebrated in the streets. Turkish Foreign Minister Mevlüt Çavuşoğlu congratulated Azerbaijan on a “great victory.” Russian President Vladimir Putin said the agreement created the conditions for a lasting settlement."""),
dict(id="wb-2023-0920-karabakh", date="2023-09-20", title="Karabakh Armenians agree to disarm after Azerbaijani offensive",
source="Caucasus Bulletin", url="https://example.org/caucasus/2023/09/20/karabakh-ceasefire",
text="""Ethnic Armenian forces in Nagorno-Karabakh agreed on Wednesday to lay down their arms and disband, a day after Azerbaijan launched a military offensive to bring the breakaway region under its full control.

The ceasefire was mediated by Russian peacekeepers stationed in the region, the Karabakh authorities said. Under the terms, the region’s defence army will be dissolved and its heavy weapons handed over. Talks on the “reintegration” of the region into Azerbaijan are to begin in the city of Yevlakh on Thursday.

Azerbaijan’s defence ministry said it had suspended what it called “anti-terrorist measures” after the Armenian forces agreed to its demands. Karabakh officials said at least 200 people had been killed, including 10 civilians, in 24 hours of shelling and drone strikes.

Prime Minister Nikol Pashinyan said Armenia had not taken part in drafting the text and would not be drawn into military action. Thousands of protesters gathered outside his office in Yerevan to accuse him of abandoning the region and to demand his resignation.

The European Union and the United States called on Baku to guarantee the rights and safety of the roughly 120,000 Armenians living in Karabakh."""),
NIGER,
dict(id="wb-2023-0730-ecowas", date="2023-07-30T18:45:00Z", title="ECOWAS gives Niger junta one week to restore Bazoum",
source="Sahel Dispatch", url="https://example.org/saheldispatch/2023/07/30/ecowas-ultimatum",
text="""West African leaders gave the military officers who seized power in Niger one week to reinstate President Mohamed Bazoum and said they did not rule out the use of force if the junta failed to comply.

At an emergency summit in Abuja, the Economic Community of West African States also suspended all commercial and financial transactions with Niger, froze the country’s assets in the regional central bank and closed land and air borders with it.

“We are not going to be toothless,” Nigerian President Bola Tinubu, who chairs the bloc, told the meeting. A communiqué said ECOWAS would take “all measures necessary” to restore constitutional order, adding that such measures “may include the use of force.”

In Niamey, thousands of supporters of the coup rallied outside the French embassy on Sunday, some waving Russian flags. Protesters set fire to a door of the building before soldiers dispersed them with tear gas. France said it would respond “immediately and uncompromisingly” to any attack on its nationals or interests.

Niger’s new leader, Gen. Abdourahamane Tiani, who headed the presidential guard, has said that outside interference would not be tolerated. The military governments of Mali and Burkina Faso warned that any intervention in Niger would be treated as a declaration of war against them."""),
dict(id="wb-2019-0226-balakot", date="2019-02-26", title="India says it struck militant camp in Pakistan",
source="Subcontinent Wire", url="https://example.org/subcontinent/2019/02/26/balakot",
text="""Indian warplanes struck what New Delhi said was the largest training camp of the militant group Jaish-e-Mohammed near the town of Balakot in Pakistan early on Tuesday, 12 days after a suicide bombing in Kashmir killed 40 Indian paramilitary police.

Foreign Secretary Vijay Gokhale told reporters that the “non-military pre-emptive action” had killed “a very large number” of militants, trainers and commanders preparing new attacks on India. He said the site had been chosen to avoid civilian casualties.

Pakistan’s military said Indian jets had crossed the Line of Control and dropped their payload in an empty area as they were chased away by Pakistani aircraft, and that there were no casualties or damage. Maj. Gen. Asif Ghafoor, the military spokesman, posted photographs of craters in a wooded hillside.

Prime Minister Imran Khan convened the National Security Committee, which said India had committed “uncalled for aggression” and that Pakistan would respond “at the time and place of its choosing.”

It was the first time since the 1971 war that Indian aircraft had struck targets inside Pakistan beyond the disputed Kashmir region. China and the European Union urged both nuclear-armed neighbours to show restraint."""),
dict(id="wb-2019-0301-pilot", date="2019-03-01T17:20:00Z", title="Pakistan hands captured Indian pilot back to India",
source="Subcontinent Wire", url="https://example.org/subcontinent/2019/03/01/pilot-returned",
text="""Pakistan handed a captured Indian air force pilot back to India at the Wagah border crossing on Friday evening, a gesture Prime Minister Imran Khan described as a step towards easing the most serious crisis between the two countries in decades.

Wing Commander Abhinandan Varthaman was shot down on Wednesday during an aerial clash over Kashmir, a day after Indian jets struck inside Pakistan. He was held for about 60 hours.

“In our desire for peace, I announce that tomorrow, as a first step to open negotiations, Pakistan will be releasing him,” Khan told a joint session of parliament on Thursday.

Crowds waving Indian flags and beating drums waited for hours on the Indian side of the border. The Indian air force said in a statement that it was happy to have him back.

Indian Prime Minister Narendra Modi did not directly acknowledge the release, but in a speech the same day he said India would respond to every act of terror. Shelling continued along the Line of Control in Kashmir, and Pakistan’s military said two civilians had been killed.

The U.S., China and Saudi Arabia had all urged both sides to step back; U.S. Secretary of State Mike Pompeo spoke to the foreign ministers of both countries."""),
]
