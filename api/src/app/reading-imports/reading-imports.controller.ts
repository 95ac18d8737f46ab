import { Body, Controller, Get, HttpCode, Post, Query, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { ReadingImportPreview, ReadingImportResult } from '@waypoint/contracts';
import type { FastifyReply } from 'fastify';
import {
  type Actor,
  type AuthenticatedUser,
  CurrentActor,
  CurrentUser,
  RequirePermission,
} from '../auth';
import { ApiProblems } from '../common';
import {
  ReadingImportDto,
  ReadingImportPreviewDto,
  ReadingImportResultDto,
  TemplateQueryDto,
} from './dto/reading-import.dto';
import { ReadingImportsService } from './reading-imports.service';

const CONTENT_TYPES = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const;
const FILE_PROBLEMS: [number, string] = [
  422,
  'The file cannot be read (not CSV or XLSX, no header row, too many rows), or a chosen column is not in it.',
];

/**
 * Readings from a spreadsheet: preview, import, template. A row goes only into a measure its
 * importer may record readings of (as `readings.record`); the others are named in the preview.
 */
@ApiTags('readings')
@Controller('reading-imports')
export class ReadingImportsController {
  constructor(private readonly imports: ReadingImportsService) {}

  @Post('preview')
  @HttpCode(200)
  @RequirePermission('readings.import')
  @ApiOperation({
    summary:
      'Reads a CSV or XLSX file of readings and previews it row by row: the measure each row names and every problem (unknown measure, date in the future, not a number, duplicate of a reading already there, no permission to record it). Writes nothing.',
  })
  @ApiOkResponse({ type: ReadingImportPreviewDto })
  @ApiProblems(400, 401, [403, 'Cross-site request.'], FILE_PROBLEMS)
  preview(
    @Body() body: ReadingImportDto,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<ReadingImportPreview> {
    return this.imports.preview(body, user);
  }

  @Post()
  @HttpCode(200)
  @RequirePermission('readings.import')
  @ApiOperation({
    summary:
      'Imports the valid rows of a CSV or XLSX file of readings in one transaction (audited per initiative; the value picture follows) and names the rows left out. The same file (by content) imports once: sent again, it adds nothing.',
  })
  @ApiOkResponse({ type: ReadingImportResultDto })
  @ApiProblems(
    400,
    401,
    [403, 'Cross-site request.'],
    [409, 'The same file is being imported at this moment.'],
    FILE_PROBLEMS,
  )
  import(
    @Body() body: ReadingImportDto,
    @CurrentUser() user: AuthenticatedUser,
    @CurrentActor() actor: Actor,
  ): Promise<ReadingImportResult> {
    return this.imports.import(body, user, actor);
  }

  @Get('template')
  @RequirePermission('readings.import')
  // Media types in OpenAPI name no parameters (the answer's CSV says its charset).
  @ApiProduces('text/csv', CONTENT_TYPES.xlsx)
  @ApiOperation({
    summary:
      'A spreadsheet to fill in (CSV or XLSX): the columns Measure, Observed date, Value, Note, Evidence link, and a line for each measure I record readings of.',
  })
  @ApiOkResponse({ description: 'The file.', schema: { type: 'string', format: 'binary' } })
  @ApiProblems(400, 401)
  async template(
    @Query() query: TemplateQueryDto,
    @CurrentUser() user: AuthenticatedUser,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Buffer> {
    const file = await this.imports.template(query.format, user);
    void reply
      .header('Content-Type', CONTENT_TYPES[query.format])
      .header('Content-Disposition', `attachment; filename="${file.fileName}"`);
    return file.content;
  }
}
