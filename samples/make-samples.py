#!/usr/bin/python3
"""
Writes the sample workbooks made by other producers than ExcelJS (make-samples.ts), with the quirks of real files:

  07  openpyxl: a cover block, a 目录 and a 领导小组 list push the header to row 45; the table goes on over a second
      sheet without a header (“三清单（续）”, 序号 continuing); “nobody” tokens, zero-width characters, full-width
      separators, names padded with spaces, posts written with leaders' names, role marks on departments.
  08  LibreOffice (a flat ODS written here, saved as .xlsx by soffice): merges made with “keep contents”, so the
      covered cells still hold old text; the header repeated on a second page; a row whose texts contain header words.

The rows the importer must read from them are in workbookSpecs.ts (PRODUCER_SPECS). Run from the repository root:

  /usr/bin/python3 samples/make-samples.py        (needs python3-openpyxl; 08 needs soffice: libreoffice-calc-nogui)
"""
import os
import shutil
import subprocess
import sys
import tempfile
from xml.sax.saxutils import escape

HERE = os.path.dirname(os.path.abspath(__file__))
ZW = '\u200b'


def sample_07():
    from openpyxl import Workbook
    from openpyxl.styles import Alignment

    wb = Workbook()
    ws = wb.active
    ws.title = '三清单'
    put = lambda r, values: [ws.cell(row=r, column=c + 1, value=v) for c, v in enumerate(values) if v is not None]
    # the cover, the 目录, the leading group and a schedule: 43 rows before the title and the header
    put(1, ['示例第九中学'])
    put(2, ['意识形态领域风险“三清单”'])
    put(4, ['校长签字：________', None, '分管校长签字：________'])
    put(5, ['编写人：王某某'])
    put(6, ['2026年3月'])
    put(8, ['目  录'])
    put(9, ['一、问题清单'])
    put(10, ['二、措施清单'])
    put(11, ['三、责任清单'])
    put(13, ['意识形态工作领导小组'])
    put(14, ['组  长：', '张国栋', '党委书记、校长'])
    put(15, ['副组长：', '李敏', '副校长'])
    put(16, ['成  员：', '刘洋、王芳、赵强', '各处室主任'])
    put(17, ['领导小组办公室设在党办，办公室主任：王芳'])
    put(19, ['时间', '内容'])
    put(20, ['每月第一次班子会', '研判意识形态领域情况'])
    put(21, ['6月中旬、12月中旬', '常规性分析研判，研判结果以报告形式报党办'])
    put(44, ['示例第九中学意识形态领域风险“三清单”'])
    ws.merge_cells('A44:F44')
    put(45, ['序号', '问题清单', '措施清单', '责任部门', '责任领导', '完成时限'])
    rows = [
        [1, '1.学校公众号、视频号和班级群较多，部分账号长期不更新，留言区无人管理。' + ZW, '全面清理新媒体账号，建立账号台账并报党办备案。', '党办（牵头）\n信息中心(配合)', '张国栋（副校长）', '长期坚持'],
        [None, None, '6个月以上未更新的“僵尸号”一律注销。', '党办／德育处', '——', '——'],
        [None, None, ZW + '开通留言功能的平台明确专人审核。', '校长室' + ZW, '分管副校长：李敏', '每学期'],
        [2, '2.个别学生在自建群中传播错误观点，班主任掌握不及时。', '班主任加入班级群并做好日常引导。', '德育处｜团委', '刘洋(书记)', '2026年6月底前'],
        [None, None, '结合主题班会开展网络素养教育，每学期不少于1次。', '无', '李  敏', '/'],
        [3, '3.教材教辅和课外读物征订把关不严。', '严格按目录征订教材教辅，每学期清查一次图书角。', '教务处 图书馆', '暂无', '\u3000'],
        [4, '4.校园外来人员及外来宣传品管理不严。', '落实门卫登记制度，外来宣传品未经审查不得进校。', '总务处、保卫处', '／', '立行立改'],
    ]
    for i, values in enumerate(rows):
        put(46 + i, values)
    for top, bottom in [(46, 48), (49, 50)]:
        ws.merge_cells(start_row=top, start_column=1, end_row=bottom, end_column=1)
        ws.merge_cells(start_row=top, start_column=2, end_row=bottom, end_column=2)
    for row in ws.iter_rows(min_row=45, max_row=52):
        for cell in row:
            cell.alignment = Alignment(wrap_text=True, vertical='center')

    more = wb.create_sheet('三清单（续）')
    cont = [
        [5, '5.重要时间节点和敏感时期网络舆情易发。', '敏感时期实行24小时值班和舆情日报制度。', '党办\n政办\n保卫处', '校长', '敏感时期'],
        [6, '6.外籍教师授课、境外研学活动审查存在漏洞。', '外籍教师授课内容定期抽查。', '教务处' + ZW + '、国际部', '张国栋（副校长）', '每学期'],
        [None, None, '研学活动按程序报批。', '国际部', '\u00a0李敏' + ZW, '每学期'],
    ]
    for i, values in enumerate(cont):
        for c, v in enumerate(values):
            if v is not None:
                more.cell(row=i + 1, column=c + 1, value=v)
    more.merge_cells('A2:A3')
    more.merge_cells('B2:B3')

    notes = wb.create_sheet('填表说明')
    notes['A1'] = '填表说明：1.问题要具体；2.措施要可操作；3.责任部门写全称。'
    path = os.path.join(HERE, '07-封面领导小组-续表-openpyxl.xlsx')
    wb.save(path)
    print('wrote samples/' + os.path.basename(path))


def fods(rows):
    """A flat ODS spreadsheet of one sheet. A row is a list of cells: a text, None (empty), or a dict with 'text',
    'rows'/'cols' (a merge) or 'covered' (a cell covered by a merge, holding the old text LibreOffice keeps)."""
    out = []
    for row in rows:
        cells = []
        for cell in row:
            if cell is None:
                cells.append('<table:table-cell/>')
                continue
            if isinstance(cell, str):
                cell = {'text': cell}
            paras = ''.join('<text:p>%s</text:p>' % escape(p) for p in cell.get('text', cell.get('covered', '')).split('\n'))
            if 'covered' in cell:
                cells.append('<table:covered-table-cell office:value-type="string">%s</table:covered-table-cell>' % paras
                             if cell['covered'] else '<table:covered-table-cell/>')
                continue
            span = ''
            if cell.get('rows', 1) > 1 or cell.get('cols', 1) > 1:
                span = ' table:number-rows-spanned="%d" table:number-columns-spanned="%d"' % (cell.get('rows', 1), cell.get('cols', 1))
            cells.append('<table:table-cell office:value-type="string"%s>%s</table:table-cell>' % (span, paras))
        out.append('<table:table-row>%s</table:table-row>' % ''.join(cells))
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
        'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
        'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2" '
        'office:mimetype="application/vnd.oasis.opendocument.spreadsheet">'
        '<office:body><office:spreadsheet><table:table table:name="风险防控表">'
        '<table:table-column table:number-columns-repeated="6"/>%s'
        '</table:table></office:spreadsheet></office:body></office:document>' % ''.join(out)
    )


def sample_08():
    soffice = shutil.which('soffice')
    if not soffice:
        sys.exit('08 needs LibreOffice: apt-get install -y libreoffice-calc-nogui')
    C = lambda text='': {'covered': text}
    header = ['序 号', '风险点', '防控措施', '牵头部门', '分管领导', '备注']
    rows = [
        [{'text': '示例职业学校意识形态工作风险防控表', 'cols': 6}, C(), C(), C(), C(), C()],
        ['填报单位：示例职业学校', None, None, '填报日期：2026年4月', None, None],
        header,
        [{'text': '1', 'rows': 3}, {'text': '网络舆情应对处置不够及时', 'rows': 3}, '建立舆情日报制度，统一对外口径。', {'text': '党办', 'rows': 2}, {'text': '王芳（副校长）', 'rows': 3}, None],
        [C('1'), C('旧的问题文字，合并时保留'), '敏感时期实行24小时值班。', C('宣传部'), C('旧领导'), None],
        [C(), C('另一段旧文字'), '重大舆情边处置边报告。', '保卫处', C('赵强'), '—'],
        ['2', '教材选用存在问题', '落实整改措施', '教务处', '副校长', '－'],
        # the header again at the top of the second printed page
        header,
        [{'text': '3', 'rows': 2}, {'text': '外请专家讲座审核把关不严', 'rows': 2}, '落实“一会一报”，提前两个工作日备案。', '党办 教务处', '分管副校长：赵强', None],
        [C('3'), C('（旧）讲座'), '活动现场安排专人旁听记录。', '主办部门(负责)', '—', None],
        ['填表人：刘某某        审核人：王某某', None, None, None, None, None],
    ]
    tmp = tempfile.mkdtemp(prefix='sqd-lo-')
    src = os.path.join(tmp, '08.fods')
    with open(src, 'w', encoding='utf-8') as f:
        f.write(fods(rows))
    # a profile of its own, so that a LibreOffice already running does not take the conversion over
    profile = 'file://' + os.path.join(tmp, 'profile')
    subprocess.run([soffice, '-env:UserInstallation=' + profile, '--headless', '--convert-to', 'xlsx:Calc MS Excel 2007 XML',
                    '--outdir', tmp, src], check=True, stdout=subprocess.DEVNULL)
    path = os.path.join(HERE, '08-LibreOffice-保留合并内容.xlsx')
    shutil.copyfile(os.path.join(tmp, '08.xlsx'), path)
    shutil.rmtree(tmp, ignore_errors=True)
    print('wrote samples/' + os.path.basename(path))


if __name__ == '__main__':
    sample_07()
    sample_08()
