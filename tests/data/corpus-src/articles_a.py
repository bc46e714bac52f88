# Source text of the articles in tests/data/corpus/jsonl/wire-a.jsonl (written for dyad's test corpus).
ARTICLES = [
dict(id="wa-2021-0815-kabul", date="2021-08-15T19:40:00Z", title="Taliban enter Kabul as Ghani leaves Afghanistan",
source="Meridian Wire", url="https://example.org/meridian/2021/08/15/taliban-kabul",
text="""Taliban fighters entered Kabul on Sunday and took control of the presidential palace, hours after President Ashraf Ghani left the country, completing a rapid sweep through Afghanistan that has taken them only ten days.

Mr. Ghani wrote on Facebook that he had left to avoid bloodshed in the capital. He did not say where he had gone. Dr. Abdullah Abdullah, who led the government’s peace council, called him “the former president” in a video message and said “God will hold him accountable.”

A Taliban spokesman, Suhail Shaheen, told the BBC that the group wanted a peaceful transfer of power within days and that the lives and property of Kabul residents would be protected. Images broadcast by Al Jazeera showed armed fighters seated behind Ghani’s desk.

Evacuation

The United States flew its diplomats from the embassy compound to the airport by helicopter and said it was sending about 6,000 troops to secure the evacuation of Americans and Afghans who had worked with them. Thousands of people crowded into the airport, hoping to board any departing flight.

U.S. Secretary of State Antony Blinken rejected comparisons with the fall of Saigon in 1975, saying Washington had achieved its goal of degrading al-Qaeda. The U.N. Security Council will meet on Monday at the request of Estonia and Norway."""),
dict(id="wa-2021-0826-airport", date="2021-08-26", title="Suicide bombing at Kabul airport kills U.S. troops and Afghans",
source="Meridian Wire", url="https://example.org/meridian/2021/08/26/kabul-airport-blast",
text="""Two explosions struck crowds outside Kabul airport on Thursday, killing 13 U.S. service members and dozens of Afghans who had gathered in the hope of being evacuated, U.S. and Afghan officials said.

The Islamic State affiliate in Afghanistan, known as ISIS-K, said one of its fighters had carried out a suicide bombing near the Abbey Gate, where U.S. Marines were checking documents. Gunmen then opened fire on the crowd, the Pentagon said. A second blast hit near the Baron Hotel.

“We will not forgive. We will not forget. We will hunt you down and make you pay,” President Joe Biden said in a televised address from the White House. He said the evacuation would continue until the Aug. 31 deadline.

Gen. Kenneth F. McKenzie, the head of U.S. Central Command, said that American commanders had been sharing some information with the Taliban, who control the city, and that he believed the group had foiled other attacks.

A Taliban spokesman, Zabihullah Mujahid, condemned the bombing and said it had taken place in an area under U.S. control. The Afghan health ministry later put the number of Afghans killed at more than 90; some estimates rose to about 170."""),
dict(id="wa-2020-1104-tigray", date="2020-11-04", title="Ethiopia orders military offensive in Tigray",
source="Horn Desk", url="https://example.org/horndesk/2020/11/04/tigray-offensive",
text="""Ethiopian Prime Minister Abiy Ahmed ordered the army to launch military operations in the northern region of Tigray on Wednesday, accusing its ruling party of attacking a federal army base overnight and trying to steal artillery and equipment.

“The last red line has been crossed,” Abiy said in a statement posted on social media. The government declared a six-month state of emergency in the region, and internet and telephone lines to Tigray were cut.

The Tigray People’s Liberation Front denied attacking the base and accused Addis Ababa of preparing an invasion. Its leader, Debretsion Gebremichael, said the region’s forces had taken control of the Northern Command’s headquarters in Mekelle after federal troops stationed there defected.

The TPLF dominated Ethiopia’s government for almost three decades before Abiy took office in 2018. The two sides fell out after Tigray held its own regional election in September in defiance of the federal government, which had postponed national elections because of the coronavirus pandemic.

Diplomats and analysts warned that a war could draw in Eritrea and destabilise the wider Horn of Africa. U.N. Secretary-General António Guterres called for an immediate de-escalation, and the African Union urged both sides to talk."""),
dict(id="wa-2022-1102-pretoria", date="2022-11-02T16:30:00Z", title="Ethiopia and Tigray forces agree to end two-year war",
source="Horn Desk", url="https://example.org/horndesk/2022/11/02/pretoria-agreement",
text="""The Ethiopian government and the Tigray People’s Liberation Front agreed on Wednesday to a “permanent cessation of hostilities,” two years after a war that has killed tens of thousands of people and left millions in need of food aid.

The agreement was announced in Pretoria, South Africa, after ten days of talks led by the African Union. Former Nigerian President Olusegun Obasanjo, the AU envoy, said the two sides had also agreed on the disarmament of Tigrayan fighters, the restoration of law and order and unhindered humanitarian access.

“This moment is not the end of the peace process, but the beginning of it,” Obasanjo told reporters.

Redwan Hussien, the national security adviser who led the government delegation, and Getachew Reda, the TPLF’s spokesman, signed the document. Getachew said Tigrayans had made “painful concessions” in order to build trust.

The agreement makes no mention of Eritrea, whose troops fought alongside Ethiopian forces in Tigray. U.S. Secretary of State Antony Blinken welcomed the deal and praised the mediators, including former Kenyan President Uhuru Kenyatta.

Aid workers said food, fuel and medicine were running critically low in the region, which has been under a blockade for much of the war."""),
dict(id="wa-2019-0123-guaido", date="2019-01-23", title="Venezuela’s Guaidó declares himself interim president; U.S. recognises him",
source="Andes Report", url="https://example.org/andes/2019/01/23/guaido-interim",
text="""Venezuelan opposition leader Juan Guaidó declared himself the country’s interim president before tens of thousands of supporters in Caracas on Wednesday, and within minutes U.S. President Donald Trump recognised him as the legitimate head of state.

Guaidó, 35, the president of the opposition-controlled National Assembly, raised his right hand and swore to take over executive power until free elections could be held. The assembly argues that President Nicolás Maduro’s re-election last May was fraudulent.

Maduro responded by breaking off diplomatic relations with the United States and giving American diplomats 72 hours to leave. “Get out of Venezuela,” he told a crowd outside the presidential palace. U.S. Secretary of State Mike Pompeo said Washington did not recognise Maduro’s authority to cut ties and that its diplomats would stay.

Canada, Brazil, Colombia, Argentina and several other governments in the region also recognised Guaidó. Russia, China, Turkey and Cuba said they continued to support Maduro.

Security forces fired tear gas at protesters in several cities. A human rights group said at least 13 people were killed in the unrest on Tuesday and Wednesday."""),
dict(id="wa-2019-0223-border-aid", date="2019-02-23T22:10:00Z", title="Aid convoys turned back at Venezuela’s borders",
source="Andes Report", url="https://example.org/andes/2019/02/23/aid-border",
text="""Venezuelan security forces fired tear gas and rubber bullets at crowds trying to bring humanitarian aid into the country from Colombia and Brazil on Saturday, and two trucks loaded with supplies were set alight on a bridge near the Colombian city of Cúcuta.

Opposition leader Juan Guaidó, who is recognised by the U.S. and about 50 other countries as interim president, had set Saturday as the deadline for letting in food and medicine stockpiled by Washington and its allies. President Nicolás Maduro has rejected the aid as a pretext for a foreign invasion.

“The Venezuelan people will never give in,” Guaidó told supporters in Cúcuta, where he had crossed the border the day before in defiance of a travel ban.

Maduro announced that Venezuela was breaking off diplomatic and political relations with Colombia and gave Colombian diplomats 24 hours to leave. Colombia’s foreign ministry said about 60 members of Venezuela’s security forces had deserted to Colombia during the day.

At the Brazilian border, two people were killed in clashes with troops in the town of Santa Elena de Uairén, a local human rights group said. U.S. Secretary of State Mike Pompeo condemned what he called Maduro’s use of force against civilians."""),
dict(id="wa-2018-0706-tariffs", date="2018-07-06T04:01:00Z", title="U.S. and China impose tariffs on $34 billion of each other’s goods",
source="Harbour Economic Service", url="https://example.org/harbour/2018/07/06/tariffs-take-effect",
text="""The United States imposed 25 percent tariffs on $34 billion of Chinese imports on Friday, and Beijing immediately retaliated with duties on the same value of American goods, in the first shots of what China’s commerce ministry called “the largest trade war in economic history.”

The U.S. duties, which took effect at 12:01 a.m. Washington time, cover 818 products such as industrial machinery, auto parts and medical devices. The Office of the U.S. Trade Representative, headed by Robert Lighthizer, said they were a response to China’s theft of American intellectual property and forced technology transfers.

China’s tariffs target American soybeans, pork, cars and whisky. The commerce ministry said Beijing had been “forced to strike back” and would report the U.S. measures to the World Trade Organization.

President Donald Trump told reporters aboard Air Force One that a further $16 billion of goods would be covered in two weeks, and that tariffs could eventually apply to more than $500 billion, roughly the value of all Chinese goods the U.S. buys each year.

Soybean futures fell 1.5 percent in Chicago. Shares in Shanghai ended 0.5 percent higher after earlier losses, as investors bet the first round of tariffs would have a limited effect."""),
]
